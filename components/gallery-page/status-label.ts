import type { ExhibitStatus } from "@/lib/gallery/types";

export const statusLabel: Record<ExhibitStatus, string> = {
  planned: "Planned",
  drawing: "Drawing…",
  modelling: "Modelling…",
  ready: "Ready",
  failed: "Failed",
};
