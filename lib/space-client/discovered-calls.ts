import "server-only";
import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";
import type { InputImage } from "./adapters/types";
import { assertApi, type ExpectedEndpoint, type ExpectedKind } from "./api-check";
import { inputError, resolveFile } from "./call-inputs";
import { ownSpaceUrl } from "./catalog";
import type { AttemptContext, RunSpec } from "./call-runner";
import { callKey, runCall, type ClientContext } from "./client-context";
import type { SpaceSession } from "./connection";
import { buildTool, chooseEndpoint, fetchAgentsAbout, type DiscoveredTool } from "./discover";
import { probeMcpTool, withMcp } from "./mcp/probe";
import { viaMcp, type TransportNote } from "./mcp/tool-call";
import { downloadIfFile, onSpace } from "./on-space";
import { assetRefSchema, cachedAsset, capJson, storeAnyFile, withServedModel } from "./stored-outputs";
import { isFileArg, parseToolArgs, type FileArg } from "./tool-args";
import type { CallOptions, ModelAsset } from "./types";

// Any Space as a tool (discover.ts says how its API becomes one): discovering it, and calling it with the
// agent's arguments. The call has no adapter: the API check is made from the tool itself, arguments are
// validated against its parameters, files go up by sha256 and come back stored (or described), JSON comes back
// capped. It still runs through the runner, so it is cached, retried, limited and recorded like any call.

export interface ToolCallResult {
  /** The endpoint's outputs; files replaced by { kind: "asset", sha256, mediaType, bytes }. */
  outputs: unknown[];
  space: string;
  endpoint: string;
  cached: boolean;
  calls: SpaceCallRecord[];
}

export interface DiscoverOptions {
  endpoint?: string;
  signal?: AbortSignal;
  /** Origins the app is reached at besides its built-in base (the browser's): a URL on one names our own Spaces. */
  appOrigins?: readonly string[];
}

export async function discover(ctx: ClientContext, ref: string, opts: DiscoverOptions = {}): Promise<DiscoveredTool> {
  // A URL of our own Spaces on the origin the browser used is kept under the built-in base, so the calls made
  // later (by a build, with no request to say which origin that was) still find it built-in.
  const typed = ref.trim();
  const space = ownSpaceUrl(typed, ctx.config.builtinBase) ? typed : (ownSpaceUrl(typed, ctx.config.builtinBase, opts.appOrigins) ?? typed);
  const entry = ctx.spaces.entryFor(space, "custom");
  const signal = opts.signal ?? new AbortController().signal;
  const [{ session }, about] = await Promise.all([
    ctx.connections.open(entry, { signal }),
    entry.hf ? fetchAgentsAbout(entry.key, ctx.fetchImpl) : Promise.resolve(undefined),
  ]);
  const chosen = chooseEndpoint(session.endpoints, opts.endpoint);
  const tool = buildTool(space, session.endpoints, chosen, about);
  // A Space that offers this endpoint over MCP (mcp_server=True) is called over MCP, with its MCP schema.
  const mcp = await probeMcpTool(ctx, session, chosen.name, signal).finally(() => session.close());
  return mcp ? withMcp(tool, mcp) : tool;
}

export async function callTool(
  ctx: ClientContext,
  tool: DiscoveredTool,
  rawArgs: Record<string, unknown>,
  opts: Omit<CallOptions, "space"> = {},
): Promise<ToolCallResult> {
  const entry = ctx.spaces.entryFor(tool.space, "custom");
  let args: Record<string, unknown>;
  try {
    args = parseToolArgs(tool.parameters, rawArgs);
  } catch (e) {
    throw inputError("custom", e instanceof Error ? e.message : String(e), opts);
  }
  // Files by sha256 (raw bytes are stored first): the cache key and the provenance never hold bytes.
  const files = new Map<string, InputImage>();
  const inputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if (isFileArg(v)) {
      const f = await resolveFile(ctx, v, opts);
      files.set(k, f);
      inputs[k] = { sha256: f.sha256 };
    } else if (Array.isArray(v) && v.every(isFileArg)) {
      const list = await Promise.all(v.map((x) => resolveFile(ctx, x as FileArg, opts)));
      list.forEach((f, i) => files.set(`${k}[${i}]`, f));
      inputs[k] = list.map((f) => ({ sha256: f.sha256 }));
    } else inputs[k] = v;
  }
  const fileShas = [...files.values()].map((f) => f.sha256);
  const expected: ExpectedEndpoint[] = [
    {
      name: tool.endpoint,
      params: Object.keys(args).map((name) => {
        const p = tool.parameters.find((x) => x.name === name)!;
        return { name, kind: expectedKind(p.kind) };
      }),
      returns: tool.returns.map((r) => expectedKind(r.kind)),
    },
  ];
  const transport: TransportNote = {};
  const spec: RunSpec<unknown[]> = {
    capability: "custom",
    candidates: [entry],
    plan: (e) => ({ endpoint: tool.endpoint, inputs, cacheKey: callKey(e, tool.endpoint, 1, inputs, fileShas) }),
    fromCache: async (_e, cached) => {
      const outputs: unknown[] = [];
      for (const o of cached.outputs) {
        const ref = assetRefSchema.safeParse(o);
        if (!ref.success) {
          outputs.push(o);
          continue;
        }
        if (!(await cachedAsset(ctx, o, null))) return null;
        if (ref.data.mediaType !== "model/gltf-binary") {
          outputs.push(o);
          continue;
        }
        const model = await withServedModel(ctx, ref.data as unknown as ModelAsset);
        if (!model) return null;
        outputs.push({ ...model, kind: "asset" });
      }
      return outputs;
    },
    attempt: async (e, _plan, attempt) => {
      const overMcp = await viaMcp(ctx, e, tool, args, files, attempt, transport);
      if (overMcp) return { value: overMcp, outputs: overMcp };
      const outputs = await onSpace(ctx, e, `tool:${tool.endpoint}`, "custom", (eps) => assertApi(e.key, eps, expected), attempt, async (_bound, s, session) => {
        const callArgs: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(args)) {
          if (isFileArg(v)) callArgs[k] = await s.sendFile(files.get(k)!);
          else if (Array.isArray(v) && v.every(isFileArg)) callArgs[k] = await Promise.all(v.map((_, i) => s.sendFile(files.get(`${k}[${i}]`)!)));
          else callArgs[k] = v;
        }
        const raw = await s.call(tool.endpoint, callArgs);
        attempt.releaseSlot();
        return storeToolOutputs(ctx, raw, tool, session, attempt);
      });
      return { value: outputs, outputs };
    },
    summary: (outs) => ({ outputs: outs.map((o) => (assetRefSchema.safeParse(o).success ? o : typeof o)), ...transport }),
  };
  const out = await runCall(ctx, spec, opts);
  return { outputs: out.value, space: entry.key, endpoint: out.endpoint, cached: out.cached, calls: out.calls };
}

/** Outputs of a discovered tool: files downloaded, sniffed, validated and stored; JSON passed through (capped). */
async function storeToolOutputs(ctx: ClientContext, raw: unknown[], tool: DiscoveredTool, session: SpaceSession, attempt: AttemptContext): Promise<unknown[]> {
  const maxBytes = Math.max(ctx.limits.glb.maxBytes, ctx.limits.image.maxBytes, ctx.limits.ply.maxBytes);
  const out: unknown[] = [];
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i];
    const declared = tool.returns[i];
    const mayBeFile = declared?.kind === "file" || declared?.kind === undefined;
    const dl = mayBeFile ? await downloadIfFile(ctx, value, session, attempt, maxBytes) : null;
    out.push(dl ? await storeAnyFile(ctx, dl, attempt.signal) : capJson(value));
  }
  return out;
}

function expectedKind(kind: string): ExpectedKind {
  switch (kind) {
    case "number":
    case "integer":
      return "number";
    case "string":
    case "boolean":
    case "file":
    case "enum":
      return kind;
    default:
      return "any";
  }
}
