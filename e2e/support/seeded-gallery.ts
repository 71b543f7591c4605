// Seeds a gallery into the running e2e server's DATA_DIR (playwright.config.ts: .e2e-data) with exhibits made
// from files the test writes (seed-gallery.mts, in a child process: the repositories are server-only modules).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { SeedSpec } from "./seed-spec";

export type { SeedExhibit, SeedSpec } from "./seed-spec";

const run = promisify(execFile);

export async function seedGallery(spec: SeedSpec, dataDir = ".e2e-data"): Promise<{ id: string; editToken: string }> {
  const script = path.join(__dirname, "seed-gallery.mts");
  const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, JSON.stringify(spec)], {
    env: { ...process.env, DATA_DIR: path.resolve(dataDir) },
    timeout: 120_000,
  });
  return JSON.parse(stdout) as { id: string; editToken: string };
}
