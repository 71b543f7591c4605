// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { run } from "./lib/run.mjs";

const SOURCES = ["app", "components", "lib", "public", "next.config.mjs", "package.json", "tsconfig.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const buildId = ".next/BUILD_ID";
const stale = !existsSync(buildId) || !existsSync(".viewer/viewer.js") || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
const env = { NEXT_TELEMETRY_DISABLED: "1" };
if (stale) {
  console.log("Building Vernissage (first start or sources changed)…");
  // The exported gallery's viewer (what "Download gallery" zips), then the app.
  const viewer = await run("node", ["scripts/build-viewer.mjs"], { env });
  if (viewer !== 0) process.exit(viewer);
  const code = await run("npx", ["next", "build"], { env });
  if (code !== 0) process.exit(code);
}
const port = process.env.PORT ?? "3000";
process.exit(await run("npx", ["next", "start", "-p", port], { env }));
