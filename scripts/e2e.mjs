// End-to-end tests: a production build served by `next start`, driven by Playwright in headless Chromium.
import { rmSync } from "node:fs";
import { findChromium } from "./lib/browser.mjs";
import { run } from "./lib/run.mjs";

const extra = process.argv.slice(2);
let browser;
try {
  browser = await findChromium();
} catch (err) {
  console.error(`e2e: ${err.message}`);
  process.exit(1);
}
console.log(`e2e: browser ${browser}`);

if (!process.env.E2E_SKIP_BUILD) {
  // The exported gallery's viewer (what "Download gallery" zips), then the app.
  if ((await run("node", ["scripts/build-viewer.mjs"])) !== 0) process.exit(1);
  const built = await run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  if (built !== 0) {
    console.error("e2e: next build failed");
    process.exit(built);
  }
}
rmSync(".e2e-data", { recursive: true, force: true });
const code = await run("npx", ["playwright", "test", ...extra], { env: { PW_CHROMIUM_PATH: browser } });
process.exit(code);
