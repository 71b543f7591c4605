import "server-only";
import { getAssetStore } from "@/lib/assets/file-store";
import { sqliteCallCache } from "@/lib/db/cache";
import { createToolbox, type Toolbox } from "@/lib/space-client/toolbox";

// One toolbox per process: its circuit breakers and per-Space limits must see every build's calls, or two
// builds would each send a ZeroGPU Space its "one" job at a time.
const holder = globalThis as { __vernissageToolbox?: Toolbox };

export function getToolbox(): Toolbox {
  if (!holder.__vernissageToolbox) {
    const toolbox = createToolbox({ assets: getAssetStore(), cache: sqliteCallCache() });
    for (const warning of toolbox.config.warnings) console.warn(`vernissage: ${warning}`);
    holder.__vernissageToolbox = toolbox;
  }
  return holder.__vernissageToolbox;
}
