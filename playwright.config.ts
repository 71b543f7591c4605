import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const jsonOut = process.env.PW_JSON_OUTPUT;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: jsonOut ? [["list"], ["json", { outputFile: jsonOut }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.PW_CHROMIUM_PATH || undefined,
      // Root needs --no-sandbox; the rest keep Chromium off the (closed) network.
      args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    // The 3D Space works like a ZeroGPU Space: one job at a time, each taking a few seconds. A 12-exhibit build then
    // runs for half a minute at least, so a test can reload, cancel or edit while it is still running — an ordering
    // guarantee that holds on a busy machine, not a wait measured in seconds. Pictures take 1.5 s, so even a
    // one-exhibit remake (a picture, then a model) leaves four seconds to act while it runs.
    env: {
      DATA_DIR: ".e2e-data",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      BUILTIN_SPACE_FAULTS: "shape-3d:latency=2500;sketch-image:latency=1500",
      SPACE_CONCURRENCY: "shape-3d=1",
      // Built splats small enough for software WebGL (SwiftShader) to draw a few at once at a few frames a second.
      // Tests that seed their own splats choose their own counts.
      BUILTIN_SPLAT_GAUSSIANS: "4096",
    },
  },
});
