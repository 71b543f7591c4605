import "server-only";
import type { Shape } from "@/lib/landmarks/catalog";
import { arch } from "./arch";
import { basilica } from "./basilica";
import { bridge } from "./bridge";
import { castle } from "./castle";
import { cathedral } from "./cathedral";
import { clockTower } from "./clock-tower";
import { colosseum } from "./colosseum";
import { column } from "./column";
import type { ShapeRenderer } from "./define";
import { egyptianTemple } from "./egyptian-temple";
import { ferrisWheel } from "./ferris-wheel";
import { fountain } from "./fountain";
import { latticeTower } from "./lattice-tower";
import { leaningTower } from "./leaning-tower";
import { mausoleum } from "./mausoleum";
import { mountain } from "./mountain";
import { needleTower } from "./needle-tower";
import { obelisk } from "./obelisk";
import { onionDomes } from "./onion-domes";
import { pagoda } from "./pagoda";
import { palace } from "./palace";
import { pyramid } from "./pyramid";
import { shellRoof } from "./shell-roof";
import { skyscraper } from "./skyscraper";
import { sphinx } from "./sphinx";
import { statue } from "./statue";
import { temple } from "./temple";
import { torii } from "./torii";
import { windmill } from "./windmill";

/** One renderer per silhouette family; the type makes a new catalogue shape fail to compile until drawn. */
export const SHAPES: Record<Shape, ShapeRenderer> = {
  "lattice-tower": latticeTower,
  "needle-tower": needleTower,
  skyscraper,
  "clock-tower": clockTower,
  "leaning-tower": leaningTower,
  arch,
  cathedral,
  basilica,
  mausoleum,
  "onion-domes": onionDomes,
  palace,
  temple,
  "egyptian-temple": egyptianTemple,
  pyramid,
  obelisk,
  column,
  bridge,
  windmill,
  pagoda,
  castle,
  torii,
  statue,
  sphinx,
  colosseum,
  fountain,
  "ferris-wheel": ferrisWheel,
  "shell-roof": shellRoof,
  mountain,
};
