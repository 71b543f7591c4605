import "server-only";
import { apiProblems, type ExpectedEndpoint, type ExpectedKind } from "../api-check";
import { classifyError, messageOf } from "../errors";
import type { AdapterId, Capability } from "../types";
import { fileExt, pickFile, reResolve } from "./re-resolve";
import { numberOr, snap, type Adapter, type AdapterSession, type NormalizedImageRequest, type NormalizedModelRequest } from "./types";

// Most Spaces take one call: a table says which endpoint(s), what each value we send is made of, and which
// output holds the file. Everything else is read live from the Space's schema when the call is made: every
// other parameter's default, slider ranges, the spelling of choices (input-fit.ts does the fitting). From the
// table come the adapter's API check (what it relies on, by name and kind), the inputs it records (the cache key
// and provenance: files by sha256) and the call itself. When the Space no longer has a fitting endpoint of the
// table, the call is re-resolved through the endpoint judge (re-resolve.ts). A Space whose protocol is more
// than one call (TRELLIS.2's session chain) is written as code instead.

/** How one value is made from the request. */
export interface Param<Req> {
  /** What the API check expects the Space to declare for it. */
  kind: ExpectedKind;
  /** The capability's main input (the prompt, the picture): what a re-resolved endpoint is given as its main one. */
  main?: boolean;
  /** A setting we pin: sent when the endpoint has it, its absence no API change. */
  optional?: boolean;
  /** The value as recorded and cached (files by sha256). */
  record(req: Req): unknown;
  /** The value as sent, when it differs from the recorded one (a file is uploaded to the Space first). */
  send?(session: AdapterSession, req: Req): Promise<unknown>;
}

export const prompt: Param<NormalizedImageRequest> = { kind: "string", main: true, record: (r) => r.prompt };
export const seed: Param<{ seed: number }> = { kind: "number", record: (r) => r.seed };
export const image: Param<NormalizedModelRequest> = { kind: "file", main: true, record: (r) => r.image.sha256, send: (s, r) => s.sendFile(r.image) };
/**
 * A picture's width and height as asked: the Space's sliders say which sizes it takes (range and step), and the
 * call is fitted to them (input-fit.ts).
 */
export const size: { width: Param<NormalizedImageRequest>; height: Param<NormalizedImageRequest> } = {
  width: { kind: "number", record: (r) => r.width },
  height: { kind: "number", record: (r) => r.height },
};
/** For a Space whose schema does not state its sizes (the built-ins): snapped here (see snap). */
export const sizes = (min: number, max: number, step: number): { width: Param<NormalizedImageRequest>; height: Param<NormalizedImageRequest> } => ({
  width: { kind: "number", record: (r) => snap(r.width, min, max, step) },
  height: { kind: "number", record: (r) => snap(r.height, min, max, step) },
});
/** A value we pin, because it changes the result (randomize_seed off, a step count) and so belongs in the key. */
export const fixed = (value: string | number | boolean): Param<unknown> => ({
  kind: typeof value as "string" | "number" | "boolean",
  optional: true,
  record: () => value,
});

/** One endpoint of the table: its name, the kinds of the first outputs we rely on, which output is the file. */
export interface EndpointChoice {
  name: string;
  returns: ExpectedKind[];
  /** The output holding the file: by position; for image-to-* the first output whose name has the capability's extension wins. */
  file: number;
  /** The output holding the seed the Space used, when it reports one. */
  seed?: number;
}

export interface SpaceDefinition<Req> {
  id: AdapterId;
  capability: Capability;
  /**
   * In preference order. The first the Space has (and that takes what we send) is called; when it fails for the
   * app's own reasons, the next is tried at once, on the same slot (Hunyuan3D-2's /generation_all, then
   * /shape_generation).
   */
  endpoints: EndpointChoice[];
  /** The values we send, by the Space's name for them; every other parameter gets the Space's default. */
  params: Record<string, Param<Req>>;
  /** Bump when the mapping changes: cached results of the old mapping stop matching. Default 1. */
  version?: number;
}

export function defineAdapter<Req extends { seed: number; width?: number; height?: number }>(def: SpaceDefinition<Req>): Adapter<Req> {
  const params = Object.entries(def.params);
  const expectedOf = (e: EndpointChoice): ExpectedEndpoint => ({
    name: e.name,
    params: params.map(([name, p]) => ({ name, kind: p.kind, ...(p.optional ? { optional: true } : {}) })),
    returns: e.returns,
  });
  const mainName = params.find(([, p]) => p.main)?.[0];
  const ext = def.capability === "text-to-image" ? null : fileExt[def.capability];
  const fileOf = (out: unknown[], index: number) => (ext ? pickFile(out, ext, index) : out[index]);

  return {
    id: def.id,
    capability: def.capability,
    endpoint: def.endpoints[0]!.name,
    version: def.version ?? 1,
    inputs: (req) => Object.fromEntries(params.map(([name, p]) => [name, p.record(req)])),
    bind(endpoints, space) {
      const usable = def.endpoints.filter((e) => apiProblems(endpoints, [expectedOf(e)]).length === 0);
      const first = def.endpoints[0]!;
      // What the table's first endpoint lacks now, for the log line when another is called instead.
      const problems = apiProblems(endpoints, [expectedOf(first)]);
      const values = async (s: AdapterSession, req: Req) => {
        const v: Record<string, unknown> = {};
        for (const [name, p] of params) v[name] = p.send ? await p.send(s, req) : p.record(req);
        return v;
      };

      if (usable.length === 0) {
        const { fit, note } = reResolve(endpoints, def.capability, space, problems);
        return async (s, req) => {
          s.note(note);
          const v = await values(s, req);
          // Ours by name where the new endpoint has the same names (fitArgs drops the rest), the judge's fill on top.
          const args = { ...v, ...fit.fill(mainName ? v[mainName] : undefined, { seed: req.seed, ...(req.width ? { width: req.width, height: req.height } : {}) }) };
          const out = await s.call(fit.endpoint, args);
          const seedAt = out.findIndex((x, i) => i !== fit.output && typeof x === "number");
          return { file: fileOf(out, fit.output), endpoint: fit.endpoint, ...(seedAt >= 0 ? { seed: numberOr(out[seedAt], req.seed) } : {}) };
        };
      }

      const rerouted = usable[0] !== first ? `${space} changed its API (${problems.join("; ")}): calling ${usable[0]!.name} instead` : null;
      return async (s, req) => {
        if (rerouted) s.note(rerouted);
        const v = await values(s, req);
        for (let i = 0; ; i++) {
          const e = usable[i]!;
          try {
            const out = await s.call(e.name, v);
            return {
              file: fileOf(out, e.file),
              ...(e.seed === undefined ? {} : { seed: numberOr(out[e.seed], req.seed) }),
              ...(e !== first ? { endpoint: e.name } : {}),
            };
          } catch (err) {
            const next = usable[i + 1];
            if (!next || classifyError(err).kind !== "app-error") throw err;
            s.note(`${e.name} failed (${messageOf(err) || "An error occurred"}); trying ${next.name}`);
          }
        }
      };
    },
  };
}
