import { chromium, type Browser } from "@playwright/test";
import { existsSync } from "node:fs";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
const BASE_ARGS = ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// Headless Chromium without a GPU: WebGL through SwiftShader (software), which newer Chromium only allows on request.
const WEBGL_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"];

export async function launchBrowser(opts: { webgl?: boolean } = {}): Promise<Browser> {
  const executablePath = CANDIDATES.find((p) => existsSync(p));
  return chromium.launch({ executablePath, args: [...BASE_ARGS, ...(opts.webgl ? WEBGL_ARGS : [])] });
}
