/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A second build directory lets a developer build beside a running server (NEXT_DIST_DIR=.next-alt).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native or WebAssembly-heavy server libraries are loaded from node_modules at run time
  // rather than bundled: their binaries and .wasm files must stay next to their JavaScript.
  serverExternalPackages: [
    "better-sqlite3",
    "sharp",
    "@resvg/resvg-js",
    "gltf-validator",
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
  ],
};

export default nextConfig;
