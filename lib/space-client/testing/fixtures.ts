// Loads a Space fixture (fixtures/<space>/{meta,config,info,call}.json: hand-written or recorded, as its
// meta.json says) and materialises the files its call names with real bytes of the named kind (a WebP of the
// given size, a valid GLB, a splat PLY…). Tests may rewrite a loaded fixture (a renamed endpoint, a narrowed
// choice list) with the helpers below before serving it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeGlb, makePly, makePng, makeWebp } from "./media";
import { startReplayServer, type Handler, type ReplayMessage, type ReplayOptions, type ReplayServer } from "./replay-server";

const dir = path.resolve(__dirname, "../fixtures");

export interface FixtureMeta {
  space: string;
  origin: "hand-written" | "recorded";
  sources?: { fact: string; source: string; commit: string | null }[];
}

export interface Fixture {
  meta: FixtureMeta;
  space: string;
  host: string;
  config: Record<string, unknown>;
  info: Record<string, unknown>;
  messages: Record<string, ReplayMessage[]>;
  files: Record<string, Uint8Array>;
}

export const fixturesDir = dir;

/** A fixture's file: `space` is a folder name under fixtures/, or an absolute folder (a recorder's output). */
export function readFixtureJson(space: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(path.isAbsolute(space) ? space : path.join(dir, space), file), "utf8")) as Record<string, unknown>;
}

export async function loadFixture(space: string, infoFile = "info.json"): Promise<Fixture> {
  const call = readFixtureJson(space, "call.json") as { space: string; host: string; messages: Record<string, ReplayMessage[]>; files: Record<string, string> };
  const files: Record<string, Uint8Array> = {};
  for (const [p, kind] of Object.entries(call.files)) files[p] = await materialise(kind);
  return {
    meta: readFixtureJson(space, "meta.json") as unknown as FixtureMeta,
    space: call.space,
    host: call.host,
    config: readFixtureJson(space, "config.json"),
    info: readFixtureJson(space, infoFile),
    messages: call.messages,
    files,
  };
}

/** The fixture with endpoint `from` renamed `to` everywhere the Space names it (config, info, recorded messages). */
export function renameEndpoint(fx: Fixture, from: string, to: string): Fixture {
  const bare = (n: string) => n.replace(/^\//, "");
  const config = structuredClone(fx.config);
  for (const d of (config.dependencies as { api_name?: unknown }[]) ?? []) if (d.api_name === bare(from)) d.api_name = bare(to);
  const info = structuredClone(fx.info) as { named_endpoints: Record<string, unknown> };
  const named = Object.fromEntries(Object.entries(info.named_endpoints).map(([k, v]) => [k === from ? to : k, v]));
  const messages = Object.fromEntries(Object.entries(fx.messages).map(([k, v]) => [k === from ? to : k, v]));
  return { ...fx, config, info: { ...info, named_endpoints: named }, messages };
}

/** The fixture with one component's props changed (e.g. a Dropdown's choices narrowed), in /config and /info alike. */
export function withComponent(fx: Fixture, label: string, props: Record<string, unknown>): Fixture {
  const config = structuredClone(fx.config);
  const comps = (config.components as { props?: Record<string, unknown> }[]).filter((c) => c.props?.label === label);
  if (comps.length === 0) throw new Error(`no component labelled ${label}`);
  for (const c of comps) Object.assign(c.props!, props);
  const info = structuredClone(fx.info) as { named_endpoints: Record<string, { parameters: Record<string, unknown>[] }> };
  const choices = Array.isArray(props.choices) ? (props.choices as unknown[]).map((c) => (Array.isArray(c) ? c[1] : c)) : null;
  for (const ep of Object.values(info.named_endpoints)) {
    for (const p of ep.parameters) {
      if (p.label !== label || !choices) continue;
      p.type = { enum: choices, title: p.component, type: "string" };
      p.python_type = { type: `Literal[${choices.map((c) => (typeof c === "string" ? `'${c}'` : String(c))).join(", ")}]`, description: "" };
      if (!choices.includes(p.parameter_default)) p.parameter_default = choices[0];
    }
  }
  return { ...fx, config, info };
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
