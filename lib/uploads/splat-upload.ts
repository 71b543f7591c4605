import "server-only";
import { readSpz } from "@/lib/splats/spz";
import { writeSplatPly } from "@/lib/splats/ply";
import { defaultSplatLimits } from "@/lib/splats/validate";
import { InvalidSplatError } from "@/lib/splats/errors";
import { UploadRefusedError } from "./read-upload";

// An uploaded SPZ is turned into the PLY every splat's pipeline starts from (the stored original of a splat is a
// `.ply`; its served SPZ is made by lib/splats/prepare.ts like any other, so it is validated, pruned, framed
// and ordered the same way). SPZ is a gzip stream: its trailer's ISIZE (the inflated size, which fflate uses to
// size its output) is checked against the largest splat we accept BEFORE inflating, so a gzip bomb is refused
// without allocating what it claims.

/** The largest inflated SPZ body accepted: the Gaussian limit at SH degree 3 (the largest record), plus the header. */
export const MAX_SPZ_INFLATED = 16 + defaultSplatLimits.maxGaussians * (9 + 1 + 3 + 3 + 4 + 45);

export function spzToPly(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength < 18) throw new UploadRefusedError(422, "The SPZ file is too short.");
  const isize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.byteLength - 4, true);
  if (isize > MAX_SPZ_INFLATED) throw new UploadRefusedError(422, `The SPZ says it inflates to ${isize} bytes, over the ${MAX_SPZ_INFLATED}-byte limit.`);
  try {
    const { cloud } = readSpz(bytes, { maxGaussians: defaultSplatLimits.maxGaussians });
    return writeSplatPly(cloud);
  } catch (err) {
    if (err instanceof InvalidSplatError || (err instanceof Error && err.name === "InvalidSplatError")) throw new UploadRefusedError(422, `The splat is not valid: ${err.message}.`);
    throw new UploadRefusedError(422, "The SPZ file does not decode.");
  }
}
