import type { ExhibitStatus } from "@/lib/contracts/gallery-view";

export const statusLabel: Record<ExhibitStatus, string> = {
  planned: "Planned",
  drawing: "Drawing…",
  modelling: "Modelling…",
  ready: "Ready",
  failed: "Failed",
};
