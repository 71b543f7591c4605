import "server-only";
import { getAssetStore } from "@/lib/assets/file-store";
import { dbCallCache } from "@/lib/db/cache";
import { databaseSpaceSlots } from "@/lib/db/space-slots";
import { processSingleton } from "@/lib/platform/singleton";
import { createSpaceClient, type SpaceClient } from "@/lib/space-client/space-client";

// One toolbox per process: its circuit breakers and per-Space limits must see every build's calls, or two
// builds would each send a ZeroGPU Space its "one" job at a time.
export const SPACE_CLIENT_SINGLETON = "spaceClient";

export function getSpaceClient(): SpaceClient {
  // The toolbox logs its configuration's warnings itself when it reads that configuration, as here.
  return processSingleton(SPACE_CLIENT_SINGLETON, () => createSpaceClient({ assets: getAssetStore(), cache: dbCallCache(), slots: databaseSpaceSlots() }));
}
