// Finds a Chromium for the end-to-end tests, installing Debian's when none is found and we may.
// Order: CHROMIUM_PATH, a system chromium, Playwright's own (where a developer installed it),
// then `apt-get install chromium` when running as root. Never downloads a browser build.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

async function playwrightOwn() {
  try {
    const { chromium } = await import("@playwright/test");
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function aptInstall() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return false;
  if (!existsSync("/usr/bin/apt-get")) return false;
  console.log("e2e: no browser found; installing Debian's chromium (apt-get install -y chromium)…");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return true;
  } catch (err) {
    console.error(`e2e: apt-get install chromium failed: ${err.message}`);
    return false;
  }
}

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  const own = await playwrightOwn();
  if (own) return own;
  if (aptInstall()) {
    const installed = SYSTEM_PATHS.find((p) => existsSync(p));
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found. Set CHROMIUM_PATH, install Debian's chromium (apt-get install -y chromium), " +
      "or run the tests as root so they can install it.",
  );
}
