// Tests only: runs real builds (runner → agent → toolbox → built-in Spaces over HTTP) inside vitest. The
// built-in Spaces are served on a loopback port exactly as the Next route serves them, everything persists in
// a temp DATA_DIR, and the process-wide toolbox is rebuilt from the environment each test file sets.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getAssetStore } from "@/lib/assets/file-store";
import { extensionFor } from "@/lib/contracts/asset-store";
import type { Db } from "@/lib/db/connection";
import { dbCallCache } from "@/lib/db/cache";
import { closeDbs, getDb } from "@/lib/db/connection";
import { makeTempDataDir } from "@/lib/db/testing/temp-dir";
import { serveFetch, type FetchServer } from "@/lib/builtin-spaces/gradio-server/testing/node-server";
import { BUILTIN_SPACES, handleBuiltinSpaceRequest, resetBuiltinSpaces } from "@/lib/builtin-spaces/registry";
import { builtinSpaces } from "@/lib/space-client/catalog";
import { createSpaceClient, type SpaceClient } from "@/lib/space-client/space-client";
import type { CallOptions, TextToImageRequest } from "@/lib/space-client/types";
import { replaceProcessSingleton } from "@/lib/platform/singleton";
import { SPACE_CLIENT_SINGLETON } from "../space-client";

export interface BuildHarness {
  /** e.g. "http://127.0.0.1:40123/spaces" */
  spacesBase: string;
  dataDir: string;
  /** Calls the built-in Spaces were asked to run (queue/join requests), by Space and in order of arrival. */
  spaceJoins: string[];
  /**
   * Points the toolbox at these settings (process env) and installs a fresh process-wide toolbox built from
   * them. `imageSide`: pictures the agent asks for without a size are drawn this big instead of 1024² (the
   * offline planner never names a size, and a small picture makes the same calls, faults and fallbacks at a
   * fraction of the CPU).
   */
  configure(env: Record<string, string | undefined>, options?: { imageSide?: number }): void;
  close(): Promise<void>;
}

/** The same toolbox, except that a picture requested without a size is drawn `side` × `side`. */
export function withDefaultImageSide(toolbox: SpaceClient, side: number): SpaceClient {
  return new Proxy(toolbox, {
    get(target, prop, receiver) {
      if (prop === "textToImage") {
        return (req: TextToImageRequest, opts?: CallOptions) => target.textToImage({ ...req, width: req.width ?? side, height: req.height ?? side }, opts);
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Whether a built-in Space is both served and known to the toolbox (others are being added in parallel). */
export function hasBuiltinSpace(name: string): boolean {
  return (BUILTIN_SPACES as readonly string[]).includes(name) && name in builtinSpaces;
}

export async function startBuildHarness(): Promise<BuildHarness> {
  const data = makeTempDataDir("vernissage-builds-");
  const files = fs.mkdtempSync(path.join(os.tmpdir(), "vernissage-builtin-files-"));
  const saved = new Map<string, string | undefined>();
  const setEnv = (key: string, value: string | undefined) => {
    if (!saved.has(key)) saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  // Each test file gets its own output folder for the built-ins (not the shared system temp one).
  setEnv("BUILTIN_SPACE_FILES_DIR", files);
  // Counted at the Spaces' door: every job a Space is asked to run arrives as one queue/join request.
  const spaceJoins: string[] = [];
  const server: FetchServer = await serveFetch((request) => {
    const m = /\/spaces\/([^/]+)\/.*queue\/join$/.exec(new URL(request.url).pathname);
    if (request.method === "POST" && m) spaceJoins.push(decodeURIComponent(m[1]!));
    return handleBuiltinSpaceRequest(request);
  });
  const spacesBase = `${server.url}/spaces`;
  setEnv("BUILTIN_SPACES_URL", spacesBase);
  // The offline planner: deterministic plans, no model to reach.
  setEnv("AGENT_PLANNER", "offline");
  setEnv("HF_TOKEN", undefined);
  setEnv("AGENT_ENDPOINT_URL", undefined);
  return {
    spacesBase,
    dataDir: data.dir,
    spaceJoins,
    configure(env, options = {}) {
      for (const [k, v] of Object.entries(env)) setEnv(k, v);
      const toolbox = createSpaceClient({ assets: getAssetStore(), cache: dbCallCache() });
      for (const w of toolbox.config.warnings) throw new Error(`toolbox configuration: ${w}`);
      replaceProcessSingleton(SPACE_CLIENT_SINGLETON, options.imageSide ? withDefaultImageSide(toolbox, options.imageSide) : toolbox);
    },
    async close() {
      replaceProcessSingleton(SPACE_CLIENT_SINGLETON, undefined);
      resetBuiltinSpaces();
      await server.close();
      await closeDbs();
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      data.cleanup();
      fs.rmSync(files, { recursive: true, force: true });
    },
  };
}

export interface StoredEvent {
  buildId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

/** Every persisted event (optionally of one type), in build and seq order. */
export async function allEvents(type?: string, db: Db = getDb()): Promise<StoredEvent[]> {
  let query = db.selectFrom("build_events").select(["build_id", "seq", "type", "payload"]).orderBy("build_id").orderBy("seq");
  if (type) query = query.where("type", "=", type);
  const rows = await query.execute();
  return rows.map((r) => ({ buildId: r.build_id, seq: r.seq, type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/** Builds whose events skip or repeat a seq (should be none). */
export async function buildsWithSeqGaps(db: Db = getDb()): Promise<string[]> {
  const rows = await db
    .selectFrom("build_events")
    .select((eb) => ["build_id", eb.fn.countAll<number>().as("n"), eb.fn.min("seq").as("lo"), eb.fn.max("seq").as("hi")])
    .groupBy("build_id")
    .execute();
  return rows.filter((r) => Number(r.lo) !== 1 || Number(r.hi) !== Number(r.n)).map((r) => r.build_id);
}

/** Assets whose file is missing, or whose bytes do not hash to their name (should be none). */
export async function brokenAssets(dataDir: string, db: Db = getDb()): Promise<string[]> {
  const rows = await db.selectFrom("assets").select(["sha256", "media_type", "bytes"]).execute();
  const broken: string[] = [];
  for (const r of rows) {
    const file = path.join(dataDir, "assets", r.sha256.slice(0, 2), `${r.sha256}.${extensionFor(r.media_type)}`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      broken.push(`${r.sha256}: missing`);
      continue;
    }
    const sha = crypto.createHash("sha256").update(bytes).digest("hex");
    if (sha !== r.sha256 || bytes.byteLength !== r.bytes) broken.push(`${r.sha256}: bytes hash to ${sha} (${bytes.byteLength} bytes)`);
  }
  return broken;
}
