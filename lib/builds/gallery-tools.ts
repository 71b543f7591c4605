import "server-only";
// Spaces a gallery's owner discovered into its toolbox: shown to the agent as typed functions, and offered
// by the swap dialog when their inputs and outputs fit a capability.
import { z } from "zod";
import type { AgentTool, ToolContext } from "@/lib/agent/tool-types";
import { listGalleryTools } from "@/lib/db/tools";
import type { DiscoveredTool } from "@/lib/space-client/discover";
import { fitEndpoint } from "@/lib/space-client/endpoint-fit";
import { servedModelSchema, type SpaceClient } from "@/lib/space-client/space-client";
import type { ReceivedModels } from "./tools/context";

export type SwapCapability = "text-to-image" | "image-to-3d";

/** Which capability a discovered Space can stand in for: the Space client's endpoint-fit judge decides. */
export function capabilityOf(tool: Pick<DiscoveredTool, "parameters" | "returns">): SwapCapability | null {
  const endpoint = { params: tool.parameters, returns: tool.returns };
  return (["image-to-3d", "text-to-image"] as const).find((c) => fitEndpoint(endpoint, c)) ?? null;
}

export async function galleryTools(galleryId: string): Promise<DiscoveredTool[]> {
  return (await listGalleryTools(galleryId)).map((t) => t.tool as unknown as DiscoveredTool);
}

const storedOutput = z.looseObject({ kind: z.literal("asset"), sha256: z.string(), mediaType: z.string(), bytes: z.number() });
const measured = z.number().int().nonnegative().catch(0);

/**
 * An output of a discovered Space as the agent sees it: a stored file as a handle. The toolbox validated it and
 * recorded what the handle needs (a picture's size, a model's web version) as it stored it, so nothing is read back.
 */
function handleFor(output: unknown, models: ReceivedModels): unknown {
  const parsed = storedOutput.safeParse(output);
  if (!parsed.success) return output;
  const a = parsed.data;
  if (a.mediaType.startsWith("image/")) return { kind: "image", id: a.sha256, width: measured.parse(a.width), height: measured.parse(a.height) };
  if (a.mediaType === "model/gltf-binary") {
    const served = servedModelSchema.or(z.object({ error: z.string() })).safeParse(a.served);
    models.set(a.sha256, served.success ? served.data : { error: "the model has no web version" });
    return { kind: "model", id: a.sha256, bytes: a.bytes, vertices: 0 };
  }
  return { kind: "file", id: a.sha256, mediaType: a.mediaType, bytes: a.bytes };
}

/** The gallery's discovered Spaces as agent tools: arguments validated against the Space's API, files as handles. */
export async function discoveredAgentTools(
  galleryId: string,
  toolbox: SpaceClient,
  models: ReceivedModels,
  reserved: ReadonlySet<string>,
): Promise<AgentTool[]> {
  return (await galleryTools(galleryId))
    .filter((tool) => !reserved.has(tool.name))
    .map((tool) => ({
      name: tool.name,
      signature: tool.signature,
      description: `${tool.description} (Space ${tool.space}, endpoint ${tool.endpoint}; files in and out are handles.)`,
      async run(args: unknown, ctx: ToolContext) {
        if (!args || typeof args !== "object" || Array.isArray(args)) throw new Error(`${tool.name}: pass one object of named arguments.`);
        const result = await toolbox.callTool(tool, args as Record<string, unknown>, { signal: ctx.signal, emit: ctx.emit, callId: ctx.callId });
        const outputs = result.outputs.map((o) => handleFor(o, models));
        return outputs.length === 1 ? outputs[0] : outputs;
      },
    }));
}
