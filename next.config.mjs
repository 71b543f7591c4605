import { headerRules } from "./lib/security/headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A second build directory lets a developer build beside a running server (NEXT_DIST_DIR=.next-alt).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Security headers on every response (CSP, nosniff, referrer, permissions, COOP): see lib/security/headers.mjs.
  // Gallery pages get a per-request nonce CSP from proxy.ts.
  headers: async () => headerRules({ dev: process.env.NODE_ENV === "development" }),
  // Native or WebAssembly-heavy server libraries are loaded from node_modules at run time
  // rather than bundled: their binaries and .wasm files must stay next to their JavaScript.
  serverExternalPackages: [
    "better-sqlite3",
    "sharp",
    "@resvg/resvg-js",
    "gltf-validator",
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
    // The PostgreSQL shape: loaded as they ship (pg's optional native binding, pg-boss's migrations).
    "pg",
    "pg-boss",
  ],
};

export default nextConfig;
