// Argument schemas the built-in tools share. A handle argument is checked for what the tool needs (its kind
// and a stored asset's id) and lets the rest through: the model passes handles on as it received them.
import { z } from "zod";
import { namedType } from "@/lib/agent/tool-signature";

const assetId = (what: string) => z.string().regex(/^[0-9a-f]{64}$/, `not ${what} handle id`);

export const imageHandleArg = namedType("ImageHandle", z.looseObject({ kind: z.literal("image"), id: assetId("an image") }));
export const modelHandleArg = namedType("ModelHandle", z.looseObject({ kind: z.literal("model"), id: assetId("a model") }));
export const seedArg = z.number().int().min(0).max(2 ** 31 - 1);
/** The plan's key of the exhibit a call is for. */
export const exhibitKeyArg = z.string().min(1).max(100);
/** A Space to try first (a swap), before the configured order. */
export const spaceArg = z.string().max(300);
