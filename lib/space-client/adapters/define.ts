import "server-only";
import { assertApi, type ExpectedEndpoint, type ExpectedKind } from "../api-check";
import type { AdapterId, Capability } from "../types";
import { numberOr, snap, type Adapter, type AdapterSession, type NormalizedImageRequest, type NormalizedModelRequest } from "./types";

// Most Spaces take one call: a table says which endpoint, what each parameter we send is made of, and which
// output holds the file. From that one table come the adapter's API check (what it relies on, by name and kind),
// the inputs it records (the cache key and provenance: files by sha256) and the call itself (files uploaded,
// values spelled as the Space's own choices spell them). A Space whose protocol is more than one call
// (TRELLIS.2's session chain) is written as code instead.

/** How one parameter is made from the request. */
export interface Param<Req> {
  /** What the API check expects the Space to declare for it. */
  kind: ExpectedKind;
  /** Enum values we send; each must still be accepted. */
  values?: (string | number)[];
  /** The value as recorded and cached (files by sha256). */
  record(req: Req): unknown;
  /** The value as sent, when it differs from the recorded one (a file is uploaded to the Space first). */
  send?(session: AdapterSession, req: Req): Promise<unknown>;
}

export const prompt: Param<NormalizedImageRequest> = { kind: "string", record: (r) => r.prompt };
export const seed: Param<{ seed: number }> = { kind: "number", record: (r) => r.seed };
export const image: Param<NormalizedModelRequest> = { kind: "file", record: (r) => r.image.sha256, send: (s, r) => s.sendFile(r.image) };
/** A picture's width and height, each snapped to what the Space accepts (see snap). */
export const sizes = (min: number, max: number, step: number): { width: Param<NormalizedImageRequest>; height: Param<NormalizedImageRequest> } => ({
  width: { kind: "number", record: (r) => snap(r.width, min, max, step) },
  height: { kind: "number", record: (r) => snap(r.height, min, max, step) },
});
/** A value we pin, because it changes the result (randomize_seed off, a step count) and so belongs in the key. */
export const fixed = (value: string | number | boolean): Param<unknown> => ({
  kind: typeof value as "string" | "number" | "boolean",
  record: () => value,
});

export interface SpaceDefinition<Req> {
  id: AdapterId;
  capability: Capability;
  endpoint: string;
  /** Every parameter we send, by the Space's name for it; the others keep the Space's defaults. */
  params: Record<string, Param<Req>>;
  /** Kinds of the first outputs we rely on, by position. */
  returns: ExpectedKind[];
  /** Which output holds the file and, when the Space reports it, the seed it used. */
  output: { file: number; seed?: number };
  /** Bump when the mapping changes: cached results of the old mapping stop matching. Default 1. */
  version?: number;
}

export function defineAdapter<Req extends { seed: number }>(def: SpaceDefinition<Req>): Adapter<Req> {
  const params = Object.entries(def.params);
  const expected: ExpectedEndpoint[] = [
    { name: def.endpoint, params: params.map(([name, p]) => ({ name, kind: p.kind, ...(p.values ? { values: p.values } : {}) })), returns: def.returns },
  ];
  const { file, seed: seedAt } = def.output;
  return {
    id: def.id,
    capability: def.capability,
    endpoint: def.endpoint,
    version: def.version ?? 1,
    inputs: (req) => Object.fromEntries(params.map(([name, p]) => [name, p.record(req)])),
    bind(endpoints, space) {
      assertApi(space, endpoints, expected);
      const declared = endpoints[def.endpoint]!.params;
      // A Radio/Dropdown of "256" | "384" | "512" wants the value as the Space spells it.
      const spelled = (name: string, v: unknown) => declared.find((p) => p.name === name)?.enumValues?.find((e) => String(e) === String(v)) ?? v;
      return async (s, req) => {
        const args: Record<string, unknown> = {};
        for (const [name, p] of params) args[name] = p.send ? await p.send(s, req) : spelled(name, p.record(req));
        const out = await s.call(def.endpoint, args);
        return { file: out[file], ...(seedAt === undefined ? {} : { seed: numberOr(out[seedAt], req.seed) }) };
      };
    },
  };
}
