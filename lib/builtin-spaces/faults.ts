import "server-only";
// Where a built-in Space's faults come from:
//  (a) the environment, per Space: BUILTIN_SPACE_FAULTS="shape-3d:latency=2000,concurrency=1;sketch-image:error=0.3"
//  (b) the Space URL, so a client can be pointed at a faulty variant: /spaces/shape-3d~latency=2000~error=0.3~seed=7
//      (`~` and `=` are URL-safe: @gradio/client and gradio_client append /config, /gradio_api/… untouched)
//  (c) per request, header x-vernissage-faults: "error=1,latency=500" (handled by the Gradio server).
// URL values override the environment's key by key; each distinct result is its own variant.
import { FaultSpecError, parseFaultSpec, type FaultProfile } from "@/lib/builtin-spaces/gradio-server";

export const FAULTS_ENV = "BUILTIN_SPACE_FAULTS";

export class BuiltinFaultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuiltinFaultsError";
  }
}

/** Parses the env value into profiles by Space name. Throws BuiltinFaultsError naming the bad part. */
export function parseEnvFaults(value: string | undefined, known: readonly string[]): Map<string, FaultProfile> {
  const profiles = new Map<string, FaultProfile>();
  if (!value?.trim()) return profiles;
  for (const part of value.split(";")) {
    const entry = part.trim();
    if (!entry) continue;
    const colon = entry.indexOf(":");
    const name = colon < 0 ? "" : entry.slice(0, colon).trim();
    if (!name) throw new BuiltinFaultsError(`${FAULTS_ENV}: "${entry}" must be <space>:<key>=<value>,…`);
    if (!known.includes(name)) throw new BuiltinFaultsError(`${FAULTS_ENV}: unknown Space "${name}" (known: ${known.join(", ")})`);
    try {
      profiles.set(name, { ...(profiles.get(name) ?? {}), ...parseFaultSpec(entry.slice(colon + 1)) });
    } catch (err) {
      if (err instanceof FaultSpecError) throw new BuiltinFaultsError(`${FAULTS_ENV} for ${name}: ${err.message}`);
      throw err;
    }
  }
  return profiles;
}

/** Parsed segments: every request to a Space carries its segment, and a server sees only a handful of them. */
const parsedSegments = new Map<string, FaultProfile>();
const MAX_PARSED_SEGMENTS = 64;

/** "shape-3d~latency=2000~error=0.3" → base name and the URL's profile. Throws FaultSpecError. */
export function parseSpaceSegment(segment: string): { base: string; profile: FaultProfile } {
  const tilde = segment.indexOf("~");
  if (tilde < 0) return { base: segment, profile: {} };
  let profile = parsedSegments.get(segment);
  if (!profile) {
    profile = parseFaultSpec(segment.slice(tilde + 1)); // a bad spec throws, and is not kept
    if (parsedSegments.size >= MAX_PARSED_SEGMENTS) parsedSegments.delete(parsedSegments.keys().next().value!);
    parsedSegments.set(segment, profile);
  }
  return { base: segment.slice(0, tilde), profile: { ...profile } };
}
