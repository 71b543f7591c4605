import "server-only";
// Spaces a gallery's owner discovered into its toolbox: shown to the agent as typed functions, and offered
// by the swap dialog when their inputs and outputs fit a capability.
import type { AgentTool, ToolContext } from "@/lib/agent/tool-types";
import { listGalleryTools } from "@/lib/db/tools";
import type { DiscoveredTool } from "@/lib/space-client/discover";
import type { Toolbox } from "@/lib/space-client/toolbox";

export type SwapCapability = "text-to-image" | "image-to-3d";

/** Which capability a discovered Space can stand in for, judged by its parameters and returns. */
export function capabilityOf(tool: Pick<DiscoveredTool, "parameters" | "returns">): SwapCapability | null {
  const takesImage = tool.parameters.some((p) => p.kind === "file" && p.fileKind === "image");
  const takesText = tool.parameters.some((p) => p.kind === "string");
  const givesModel = tool.returns.some((r) => r.kind === "file" && (r.fileKind === "model" || r.fileKind === "file"));
  const givesImage = tool.returns.some((r) => r.kind === "file" && r.fileKind === "image");
  if (takesImage && givesModel) return "image-to-3d";
  if (takesText && givesImage && !takesImage) return "text-to-image";
  return null;
}

export function galleryTools(galleryId: string): DiscoveredTool[] {
  return listGalleryTools(galleryId).map((t) => t.tool as unknown as DiscoveredTool);
}

async function handleFor(output: unknown, assets: { get(sha: string): Promise<Buffer | null> }): Promise<unknown> {
  if (!output || typeof output !== "object" || (output as { kind?: unknown }).kind !== "asset") return output;
  const a = output as { sha256: string; mediaType: string; bytes: number };
  if (a.mediaType.startsWith("image/")) {
    const bytes = await assets.get(a.sha256);
    const { default: sharp } = await import("sharp");
    const meta = bytes ? await sharp(bytes).metadata() : null;
    return { kind: "image", id: a.sha256, width: meta?.width ?? 0, height: meta?.height ?? 0 };
  }
  if (a.mediaType === "model/gltf-binary") return { kind: "model", id: a.sha256, bytes: a.bytes, vertices: 0 };
  return { kind: "file", id: a.sha256, mediaType: a.mediaType, bytes: a.bytes };
}

/** The gallery's discovered Spaces as agent tools: arguments validated against the Space's API, files as handles. */
export function discoveredAgentTools(
  galleryId: string,
  toolbox: Toolbox,
  assets: { get(sha: string): Promise<Buffer | null> },
  reserved: ReadonlySet<string>,
): AgentTool[] {
  return galleryTools(galleryId)
    .filter((tool) => !reserved.has(tool.name))
    .map((tool) => ({
      name: tool.name,
      signature: tool.signature,
      description: `${tool.description} (Space ${tool.space}, endpoint ${tool.endpoint}; files in and out are handles.)`,
      async run(args: unknown, ctx: ToolContext) {
        if (!args || typeof args !== "object" || Array.isArray(args)) throw new Error(`${tool.name}: pass one object of named arguments.`);
        const result = await toolbox.callTool(tool, args as Record<string, unknown>, { signal: ctx.signal, emit: ctx.emit, callId: ctx.callId });
        const outputs = await Promise.all(result.outputs.map((o) => handleFor(o, assets)));
        return outputs.length === 1 ? outputs[0] : outputs;
      },
    }));
}
