import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The house's layers, bottom first (docs/architecture.md draws them). A module may import its own layer and
// the layers below it, never one above: `import/no-restricted-paths` resolves every import (alias or relative)
// to a file, so a `../../` path cannot slip past. A few pairs inside one layer are kept apart as well.
const LAYERS = [
  { name: "contracts", dirs: ["lib/contracts"] },
  { name: "platform", dirs: ["lib/platform", "lib/security", "lib/testing"] },
  { name: "domain", dirs: ["lib/landmarks", "lib/media", "lib/layout", "lib/models", "lib/splats", "lib/model-worker"] },
  { name: "services", dirs: ["lib/builtin-spaces", "lib/space-client", "lib/agent", "lib/db", "lib/assets", "lib/auth"] },
  { name: "errors", dirs: ["lib/errors"] },
  // lib/uploads (an owner's own file into an exhibit) and lib/exports (the gallery leaving: zip, one GLB, oEmbed)
  // use the services and start builds, like lib/builds.
  { name: "orchestration", dirs: ["lib/builds", "lib/live", "lib/uploads", "lib/exports"] },
  // Server actions: the public POST endpoints the pages call (the browser gets RPC stubs, never their code).
  // The MCP server's tools do what the server actions do, for agents: the same floor.
  { name: "actions", dirs: ["lib/actions", "lib/mcp-server"] },
  { name: "ui", dirs: ["components"] },
  { name: "app", dirs: ["app", "instrumentation.ts", "proxy.ts"] },
];

/** Modules that never reach the browser: live state and components may not import them. */
const SERVER_ONLY = [
  "lib/platform/config.ts",
  "lib/platform/worker-pool",
  "lib/model-worker",
  "lib/builtin-spaces",
  "lib/space-client",
  "lib/agent",
  "lib/db",
  "lib/assets",
  "lib/auth",
  "lib/errors",
  "lib/builds",
  "lib/mcp-server",
  "lib/uploads",
  "lib/exports",
];

/** Each side of the Gradio wire stands alone: the Space client and the built-in Spaces meet only over HTTP. */
const WIRE = [
  { target: "lib/space-client", from: "lib/builtin-spaces", message: "The Space client talks to the built-in Spaces over HTTP only." },
  { target: "lib/builtin-spaces", from: "lib/space-client", message: "The built-in Spaces are a Gradio server: they never import the Space client." },
  { target: "lib/builds", from: "lib/builtin-spaces", message: "Builds reach the built-in Spaces through the Space client, over HTTP." },
];

/** Services on one floor that stay independent of each other (the agent knows only its tools). */
const APART = [
  { target: "lib/agent", from: ["lib/db", "lib/assets", "lib/auth", "lib/space-client", "lib/builtin-spaces"] },
  { target: "lib/space-client", from: ["lib/db", "lib/assets", "lib/auth", "lib/agent"] },
  { target: "lib/builtin-spaces", from: ["lib/db", "lib/assets", "lib/auth", "lib/agent"] },
  { target: ["lib/db", "lib/auth"], from: ["lib/space-client", "lib/builtin-spaces", "lib/agent", "lib/assets"] },
  { target: "lib/assets", from: ["lib/space-client", "lib/builtin-spaces", "lib/agent"] },
];

const rel = (p) => `./${p}`;

function layerZones() {
  const zones = [];
  LAYERS.forEach((layer, i) => {
    const above = LAYERS.slice(i + 1).flatMap((l) => l.dirs);
    if (above.length)
      zones.push({
        target: layer.dirs.map(rel),
        from: above.map(rel),
        message: `The ${layer.name} layer imports only from its own layer and those below it (docs/architecture.md).`,
      });
  });
  zones.push({
    target: ["./lib/live", "./components"],
    from: SERVER_ONLY.map(rel),
    message: "Browser code (components, lib/live) never imports server modules: use lib/contracts for shared shapes.",
  });
  for (const a of APART)
    zones.push({
      target: [a.target].flat().map(rel),
      from: a.from.map(rel),
      message: "These services sit on one floor and stay independent: pass what is needed through lib/builds.",
    });
  return zones;
}

const wireZones = WIRE.map((w) => ({ target: [rel(w.target)], from: [rel(w.from)], message: w.message }));

const config = [
  ...next,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".viewer/**", ".next-*/**", ".test-results/**", "coverage/**", "data/**", ".e2e-data/**", ".bench/**", "public/draco/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".lint-probe/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The data layer is async (one code base for SQLite and PostgreSQL): a repository call that is not awaited
    // is a write that may not happen, or a Promise read as a value (`if (!verify(...))` is always false). The type
    // checker sees both; these two rules make them errors.
    files: ["lib/**/*.ts", "lib/**/*.tsx", "components/**/*.tsx", "components/**/*.ts", "app/**/*.ts", "app/**/*.tsx", "scripts/**/*.ts", "bench/**/*.ts", "e2e/**/*.ts", "instrumentation.ts", "proxy.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: true }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    files: ["lib/**", "components/**", "app/**", "instrumentation.ts", "proxy.ts"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: [...layerZones(), ...wireZones] }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Tests and their helpers may drive one side of the wire through the other (the Space client against the
    // built-in Spaces on a loopback server); the layer rules still hold for them.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layerZones() }],
    },
  },
];

export default config;
