import "server-only";

// Everyday things: vehicles, plants, small buildings and people, with their usual colours.

import type { Drawing } from "../drawing";
import type { Albedo } from "../look";
import { between, pick, type Rng } from "../random";
import { standingFigure } from "../shapes/statue";
import { house, lighthouse } from "./dwellings";
import { plant, tree } from "./plants";
import { boat, car, rocket } from "./vehicles";

export type ObjectKind = "car" | "bus" | "boat" | "rocket" | "tree" | "pine" | "palm" | "flower" | "cactus" | "mushroom" | "house" | "lighthouse" | "person";

function person(d: Drawing, rng: Rng): void {
  standingFigure(d, 0, 0, 90 * between(rng, 0.9, 1.05), "main");
}

export function drawObject(d: Drawing, kind: ObjectKind, rng: Rng): Albedo {
  const hue = pick(rng, ["#c84a3a", "#3e6aa8", "#e0b040", "#4a9a5a", "#8a5ab0", "#e8e4dc"]);
  switch (kind) {
    case "car":
      car(d, rng, false);
      return { main: hue, glass: "#9ac0d8", dark: "#3e3e44", trim: "#c8ccd2" };
    case "bus":
      car(d, rng, true);
      return { main: hue, dark: "#3e3e44", trim: "#d8dce0" };
    case "boat":
      boat(d, rng);
      return { main: hue, second: "#f2efe6", dark: "#6a4a30", trim: "#f4f4f4" };
    case "rocket":
      rocket(d);
      return { main: "#e8e8ec", accent: "#d0403a", trim: "#b8bcc4", dark: "#6a6e76" };
    case "tree":
    case "pine":
    case "palm":
      tree(d, rng, kind);
      return { main: kind === "pine" ? "#3e7a4a" : "#5aa04a", second: "#7a5a3a" };
    case "flower":
    case "cactus":
    case "mushroom":
      plant(d, rng, kind);
      return kind === "flower" ? { main: pick(rng, ["#e84a6a", "#f0c030", "#8a5ae0", "#f08a3a"]), second: "#4a9a4a", gold: "#f0c040" } : kind === "cactus" ? { main: "#5a9a5a", second: "#3e7a44" } : { main: "#c83a2e", trim: "#f2ece0" };
    case "house":
      house(d, rng);
      return { main: pick(rng, ["#e8dcc4", "#c8a07a", "#d8e0e8"]), roof: pick(rng, ["#a8442e", "#5a6670"]), accent: "#a85a3e" };
    case "lighthouse":
      lighthouse(d, rng);
      return { main: "#f2f0ea", accent: "#c83a2e", dark: "#4a4e56" };
    case "person":
      person(d, rng);
      return { main: hue, dark: "#5a4a40" };
  }
}

