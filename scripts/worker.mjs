// `npm run worker`: a build worker for a PostgreSQL deployment (DATABASE_URL). It is the same production build
// as the web server, started with VERNISSAGE_ROLE=worker: it takes builds off the queue (WORKER_CONCURRENCY at
// once), serves its own built-in Spaces on PORT (default 3100, so it can share a machine with `npm start`),
// and no load balancer should send it visitors. Any number of workers, on any machines.
import { run } from "./lib/run.mjs";

if (!process.env.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL (postgres://…): without it, builds run inside `npm start`.");
  process.exit(2);
}
const port = process.env.PORT ?? "3100";
const env = { NEXT_TELEMETRY_DISABLED: "1", VERNISSAGE_ROLE: "worker", PORT: port };
// Build first when needed, exactly as `npm start` does.
const code = await run("node", ["scripts/start.mjs"], { env });
process.exit(code);
