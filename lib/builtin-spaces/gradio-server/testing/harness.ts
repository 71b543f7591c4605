// Tests only: mounts Gradio apps under /spaces/<name> on a loopback server, like the Next route does.
import { mkdtempSync, rmSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import os from "node:os";
import path from "node:path";
import { createGradioApp } from "../app";
import { FileStore } from "../files";
import { publicOrigin, splitMountedPath } from "../mount";
import type { GradioApp, GradioAppDefinition, GradioAppOptions } from "../types";
import { serveFetch, type FetchServer } from "./node-server";

export interface Harness {
  server: FetchServer;
  dir: string;
  apps: Map<string, GradioApp>;
  /** Mounts a definition under /spaces/<name> and returns its public root URL. */
  mount(name: string, definition: GradioAppDefinition, options?: GradioAppOptions): { url: string; app: GradioApp };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vernissage-gradio-test-"));
  const apps = new Map<string, GradioApp>();
  const server = await serveFetch(async (request) => {
    const mounted = splitMountedPath(new URL(request.url).pathname, "/spaces");
    const app = mounted ? apps.get(mounted.name) : undefined;
    if (!mounted || !app) return new Response(JSON.stringify({ detail: "Not Found" }), { status: 404 });
    return app.handle(request, mounted.subpath, `${publicOrigin(request)}${mounted.prefix}`);
  });
  return {
    server,
    dir,
    apps,
    mount(name, definition, options = {}) {
      const app = createGradioApp(definition, {
        fileStore: new FileStore({ dir: path.join(dir, definition.id), maxFileBytes: 256 * 1024 }),
        ...options,
      });
      apps.get(name)?.close();
      apps.set(name, app);
      return { url: `${server.url}/spaces/${name}`, app };
    },
    async close() {
      for (const app of apps.values()) app.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: a harness with the test Space mounted as "test", started before the file's tests and closed
 * after them. Read `url` and `harness` inside tests (they are set once beforeAll has run).
 */
export function mountTestSpaceForFile(definition: () => GradioAppDefinition): { readonly url: string; readonly harness: Harness } {
  const state = { url: "", harness: undefined as Harness | undefined };
  beforeAll(async () => {
    state.harness = await startHarness();
    state.url = state.harness.mount("test", definition()).url;
  });
  afterAll(async () => {
    await state.harness?.close();
  });
  return {
    get url() {
      return state.url;
    },
    get harness() {
      return state.harness!;
    },
  };
}

/** Polls until `check` passes (or throws its last error after `timeoutMs`). */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
