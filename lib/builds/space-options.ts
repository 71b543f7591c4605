import "server-only";
import type { SpaceOption } from "@/lib/contracts/gallery-view";
import type { SpaceEntry } from "@/lib/space-client/types";
import { capabilityOf, galleryTools, type SwapCapability } from "./gallery-tools";
import { loadSpaceClientConfig, type SpaceClientConfig } from "@/lib/space-client/config";

// Read from the environment once: the page only needs the Space list, not a live toolbox (and its heavy modules).
let cached: SpaceClientConfig | null = null;
function toolboxConfig(): SpaceClientConfig {
  cached ??= loadSpaceClientConfig();
  return cached;
}

/** How the swap dialog names a Space: built-ins by their short name, Hub Spaces by their id. */
export function spaceOption(entry: SpaceEntry): SpaceOption {
  if (entry.builtin) {
    const name = entry.key.replace(/^builtin:/, "");
    return { ref: name, label: `built-in ${name}` };
  }
  return { ref: entry.key, label: entry.key };
}

/** The Spaces a gallery's owner can swap an exhibit to, per capability, in fallback order. */
export async function spaceOptions(galleryId: string): Promise<{ textToImage: SpaceOption[]; imageTo3d: SpaceOption[] }> {
  const config = toolboxConfig();
  const discovered = await galleryTools(galleryId);
  const extra = (capability: SwapCapability) =>
    discovered.filter((t) => capabilityOf(t) === capability).map((t) => ({ ref: t.space, label: `${t.space} (added)` }));
  const unique = (options: SpaceOption[]) => options.filter((o, i) => options.findIndex((x) => x.ref === o.ref) === i);
  return {
    textToImage: unique([...config.spaces["text-to-image"].map(spaceOption), ...extra("text-to-image")]),
    imageTo3d: unique([...config.spaces["image-to-3d"].map(spaceOption), ...extra("image-to-3d")]),
  };
}

/** Whether "Add Space" can search the Hub for MCP Spaces (it needs HF_TOKEN): told to the page as it renders. */
export function hubSearchAvailable(): boolean {
  return Boolean(toolboxConfig().token);
}
