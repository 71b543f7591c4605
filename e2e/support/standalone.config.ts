// Runs specs that start their own server (crash.spec.ts) without Playwright's webServer — for working on them
// beside a running app: `NEXT_DIST_DIR=.next-rel npx playwright test -c e2e/support/standalone.config.ts`.
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

export default defineConfig({
  ...base,
  testDir: "..",
  testMatch: "crash.spec.ts",
  webServer: undefined,
  use: { ...base.use, launchOptions: { ...base.use?.launchOptions, executablePath: process.env.PW_CHROMIUM_PATH || "/usr/bin/chromium" } },
});
