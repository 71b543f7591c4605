// Bundles the exported gallery's static viewer (lib/exports/viewer/main.ts: three.js, GLTFLoader, the meshopt
// decoder, Spark with its inlined WebAssembly for splats) into one classic script, .viewer/viewer.js, which "Download gallery" puts in every zip. Run before
// `next build` (npm run build, npm start, the e2e script do it); the file is built, never committed.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, ".viewer", "viewer.js");
mkdirSync(path.dirname(outfile), { recursive: true });
const started = performance.now();
const result = await build({
  entryPoints: [path.join(root, "lib/exports/viewer/main.ts")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  platform: "browser",
  legalComments: "eof",
  outfile,
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
console.log(`viewer: ${path.relative(root, outfile)} ${(bytes / 1024).toFixed(0)} KB in ${Math.round(performance.now() - started)} ms`);
