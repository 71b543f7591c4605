import type { SpaceCallRecord } from "@/lib/contracts/gallery-view";

/** One provenance step in words (the info panel, the catalogue): "uploaded picture “vase.png”" or "sketch-image /predict — 1.5 s". */
export function provenanceText(call: SpaceCallRecord): string {
  if (call.capability === "upload") {
    const name = typeof call.inputs.file === "string" ? ` “${call.inputs.file}”` : "";
    return `uploaded ${call.endpoint}${name}`;
  }
  const time = call.cached ? "cached" : `${(call.durationMs / 1000).toFixed(1)} s`;
  return `${call.space} ${call.endpoint} — ${time}${call.attempts > 1 ? `, ${call.attempts} attempts` : ""}${call.ok ? "" : ` — failed: ${call.error ?? "error"}`}`;
}
