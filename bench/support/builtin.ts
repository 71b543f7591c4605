// The built-in Spaces served in this process on a loopback node:http server (the same Web-Fetch handler the
// Next route delegates to), and small helpers to drive them through the real @gradio/client.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@gradio/client";

export interface BuiltinServer {
  /** e.g. "http://127.0.0.1:40123" — the Spaces are under /spaces/<name>. */
  origin: string;
  close(): Promise<void>;
}

let filesDir: string | null = null;

/** Starts the built-ins; their output files go to a temporary folder, removed when the process exits. */
export async function startBuiltinSpaces(): Promise<BuiltinServer> {
  if (!filesDir) {
    // Read when a Space's file store is first created (once per process, on the first request).
    const dir = (filesDir = mkdtempSync(path.join(tmpdir(), "vernissage-bench-spaces-")));
    process.env.BUILTIN_SPACE_FILES_DIR = dir;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  const [{ handleBuiltinSpaceRequest, resetBuiltinSpaces }, { serveFetch }] = await Promise.all([
    import("@/lib/builtin-spaces/registry"),
    import("@/lib/builtin-spaces/gradio-server/testing/node-server"),
  ]);
  const server = await serveFetch(handleBuiltinSpaceRequest);
  return {
    origin: server.url,
    async close() {
      resetBuiltinSpaces();
      await server.close();
    },
  };
}

interface FileOut {
  url?: string;
  path?: string;
}

async function download(file: unknown): Promise<Buffer> {
  const f = file as FileOut;
  if (!f?.url) throw new Error(`expected a file output, got ${JSON.stringify(file)}`);
  const r = await fetch(f.url);
  if (!r.ok) throw new Error(`GET ${f.url}: ${r.status}`);
  return Buffer.from(await r.arrayBuffer());
}

/** text-to-image on the built-in sketch Space: the PNG bytes. */
export async function generateImage(client: Client, prompt: string, seed: number, side: number): Promise<Buffer> {
  const out = await client.predict("/generate", { prompt, seed, width: side, height: side });
  return download((out.data as unknown[])[0]);
}

/** image-to-3D on the built-in shape Space: the GLB bytes. */
export async function reconstruct(client: Client, png: Buffer, seed = 0): Promise<Buffer> {
  const image = new File([new Uint8Array(png)], "image.png", { type: "image/png" });
  const out = await client.predict("/reconstruct", { image, seed });
  return download((out.data as unknown[])[0]);
}

export function connect(origin: string, space: string): Promise<Client> {
  return Client.connect(`${origin}/spaces/${space}`);
}

/** Landmarks the built-in sketch Space knows by name (each a different shape family). */
export const LANDMARKS = [
  "the Eiffel Tower",
  "the Colosseum",
  "the Taj Mahal",
  "the Great Pyramid of Giza",
  "Big Ben",
  "the Leaning Tower of Pisa",
  "Saint Basil's Cathedral",
  "the Arc de Triomphe",
];

/** image-to-splat on the built-in splat Space (TripoSplat's API): the .ply bytes from its DownloadButton update. */
export async function splat(client: Client, png: Buffer, seed: number, numGaussians: number): Promise<Buffer> {
  const image = new File([new Uint8Array(png)], "image.png", { type: "image/png" });
  // TripoSplat's num_gaussians is a dropdown of counts written as strings.
  const out = await client.predict("/generate", { image, seed, num_gaussians: String(numGaussians) });
  const download_ = (out.data as unknown[])[2] as { value?: unknown };
  return download(download_.value);
}
