import "server-only";
import type { SpaceOption } from "@/components/gallery-page/edit-dialogs";
import type { SpaceEntry } from "@/lib/spaces/toolbox/types";
import { getToolbox } from "./toolbox";

/** How the swap dialog names a Space: built-ins by their short name, Hub Spaces by their id. */
export function spaceOption(entry: SpaceEntry): SpaceOption {
  if (entry.builtin) {
    const name = entry.key.replace(/^builtin:/, "");
    return { ref: name, label: `built-in ${name}` };
  }
  return { ref: entry.key, label: entry.key };
}

/** The Spaces a gallery's owner can swap an exhibit to, per capability, in fallback order. */
export async function spaceOptions(_galleryId: string): Promise<{ textToImage: SpaceOption[]; imageTo3d: SpaceOption[] }> {
  const toolbox = getToolbox();
  return {
    textToImage: toolbox.spaces("text-to-image").map(spaceOption),
    imageTo3d: toolbox.spaces("image-to-3d").map(spaceOption),
  };
}
