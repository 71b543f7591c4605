// Loads a recorded Space (fixtures/<space>/{config,info,call}.json) and materialises the files its recording
// names with real bytes of the recorded kind (a WebP of the recorded size, a valid GLB, a splat PLY…).
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeGlb, makePly, makePng, makeWebp } from "./media";
import { startReplayServer, type Handler, type ReplayMessage, type ReplayOptions, type ReplayServer } from "./replay-server";

const dir = path.resolve(__dirname, "../fixtures");

export interface Fixture {
  space: string;
  host: string;
  config: Record<string, unknown>;
  info: Record<string, unknown>;
  messages: Record<string, ReplayMessage[]>;
  files: Record<string, Uint8Array>;
}

export function readFixtureJson(space: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(dir, space, file), "utf8")) as Record<string, unknown>;
}

export async function loadFixture(space: string, infoFile = "info.json"): Promise<Fixture> {
  const call = readFixtureJson(space, "call.json") as { space: string; host: string; messages: Record<string, ReplayMessage[]>; files: Record<string, string> };
  const files: Record<string, Uint8Array> = {};
  for (const [p, kind] of Object.entries(call.files)) files[p] = await materialise(kind);
  return { space: call.space, host: call.host, config: readFixtureJson(space, "config.json"), info: readFixtureJson(space, infoFile), messages: call.messages, files };
}

async function materialise(kind: string): Promise<Uint8Array> {
  const [type, arg = ""] = kind.split(":");
  const [w, h] = arg.split("x").map(Number);
  switch (type) {
    case "webp":
      return makeWebp(w, h);
    case "png":
      return makePng(w, h);
    case "glb":
      return makeGlb({ texture: arg !== "untextured" });
    case "ply":
      return makePly(Number(arg) || 16);
    default:
      return Buffer.from(`not a model: ${kind}`);
  }
}

export async function replay(fixture: Fixture, extra: Partial<ReplayOptions> & { handlers?: Record<string, Handler> } = {}): Promise<ReplayServer> {
  return startReplayServer({ config: fixture.config, info: fixture.info, host: fixture.host, messages: fixture.messages, files: fixture.files, ...extra });
}
