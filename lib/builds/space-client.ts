import "server-only";
import { getAssetStore } from "@/lib/assets/file-store";
import { sqliteCallCache } from "@/lib/db/cache";
import { processSingleton } from "@/lib/platform/singleton";
import { createToolbox, type Toolbox } from "@/lib/space-client/toolbox";

// One toolbox per process: its circuit breakers and per-Space limits must see every build's calls, or two
// builds would each send a ZeroGPU Space its "one" job at a time.
export const TOOLBOX_SINGLETON = "toolbox";

export function getToolbox(): Toolbox {
  // The toolbox logs its configuration's warnings itself when it reads that configuration, as here.
  return processSingleton(TOOLBOX_SINGLETON, () => createToolbox({ assets: getAssetStore(), cache: sqliteCallCache() }));
}
