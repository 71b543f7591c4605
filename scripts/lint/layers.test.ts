// The layer rules in eslint.config.mjs bite: each probe below is a file that would break the architecture,
// linted as if it stood at that path (ESLint's lintText with a filePath; nothing is written to the tree).
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// import/no-cycle walks the files on disk and cannot follow a probe that only exists in memory, and the typed
// rules need the file in the TypeScript project; the repo's own lint run (npm test) checks both.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "import/no-cycle": "off", "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

describe("layer rules", () => {
  it("refuse a server module importing components/", async () => {
    const messages = await restrictedImports(
      "lib/db/probe.ts",
      'import { GalleryClient } from "@/components/gallery-page/gallery-client";\nexport const x = GalleryClient;\n',
    );
    expect(messages.join("\n")).toMatch(/services layer imports only from its own layer and those below/);
  });

  it("keep the MCP server on the actions floor: orchestration may not import it, and it may not import the UI", async () => {
    const up = await restrictedImports("lib/builds/probe.ts", 'import { handleMcpRequest } from "@/lib/mcp-server/http";\nexport const x = handleMcpRequest;\n');
    expect(up.join("\n")).toMatch(/orchestration layer imports only from its own layer and those below/);
    const ui = await restrictedImports("lib/mcp-server/probe.ts", 'import { GalleryClient } from "@/components/gallery-page/gallery-client";\nexport const x = GalleryClient;\n');
    expect(ui.join("\n")).toMatch(/actions layer imports only from its own layer and those below/);
  });

  it("refuse a contract importing anything of ours", async () => {
    const messages = await restrictedImports(
      "lib/contracts/probe.ts",
      'import { tokenize } from "@/lib/landmarks/normalize";\nexport const x = tokenize;\n',
    );
    expect(messages.join("\n")).toMatch(/contracts layer imports only from its own layer/);
  });

  it("refuse the Space client importing the built-in Spaces, by alias or by relative path", async () => {
    for (const spec of ["@/lib/builtin-spaces/registry", "../builtin-spaces/registry"]) {
      const messages = await restrictedImports("lib/space-client/probe.ts", `import { handleBuiltinSpaceRequest } from "${spec}";\nexport const x = handleBuiltinSpaceRequest;\n`);
      expect(messages.join("\n")).toMatch(/Space client talks to the built-in Spaces over HTTP only/);
    }
  });

  it("refuse the built-in Spaces importing the Space client", async () => {
    const messages = await restrictedImports(
      "lib/builtin-spaces/probe.ts",
      'import { createSpaceClient } from "@/lib/space-client/space-client";\nexport const x = createSpaceClient;\n',
    );
    expect(messages.join("\n")).toMatch(/never import the Space client/);
  });

  it("refuse browser code importing a server module", async () => {
    const messages = await restrictedImports("lib/live/probe.ts", 'import { getDb } from "@/lib/db/connection";\nexport const x = getDb;\n');
    expect(messages.join("\n")).toMatch(/Browser code .* never imports server modules/);
  });

  it("let a layer import from below", async () => {
    expect(await restrictedImports("lib/builds/probe.ts", 'import { getDb } from "@/lib/db/connection";\nexport const x = getDb;\n')).toEqual([]);
    expect(await restrictedImports("components/probe.tsx", 'import type { GalleryView } from "@/lib/contracts/gallery-view";\nexport type X = GalleryView;\n')).toEqual([]);
  });
});
