import type { ExhibitStatus } from "@/lib/contracts/exhibit-status";

export const statusLabel: Record<ExhibitStatus, string> = {
  planned: "Planned",
  drawing: "Drawing…",
  modelling: "Modelling…",
  ready: "Ready",
  failed: "Failed",
};
