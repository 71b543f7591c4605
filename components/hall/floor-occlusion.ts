// Soft contact shadows under every plinth and along the foot of the walls, painted into the floor's ambient
// occlusion map: real shadow maps are slow in software WebGL and on phones, and these only change when an
// exhibit moves. The floor maps it through its second uv set (hall-wide 0…1), see hall-geometry.
import * as THREE from "three";
import type { ArrangedExhibit, Hall } from "@/lib/layout/layout";
import { createCanvas } from "./textures/canvas";

const PX_PER_M = 24;
const MAX_PX = 2048;

export function paintFloorOcclusion(hall: Hall, items: readonly ArrangedExhibit[]): THREE.CanvasTexture {
  const w = hall.maxX - hall.minX;
  const l = hall.maxZ - hall.minZ;
  const s = Math.min(PX_PER_M, MAX_PX / Math.max(w, l));
  const { canvas, ctx } = createCanvas(Math.ceil(w * s), Math.ceil(l * s));
  // White is unoccluded; three reads the red channel.
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // Canvas x → world x, canvas y → world z: row 0 is the far wall (minZ).
  const edge = 0.7 * s;
  const walls: [number, number, number, number, number, number, number, number][] = [
    [0, 0, edge, 0, 0, 0, edge, canvas.height],
    [canvas.width, 0, canvas.width - edge, 0, canvas.width - edge, 0, edge, canvas.height],
    [0, 0, 0, edge, 0, 0, canvas.width, edge],
    [0, canvas.height, 0, canvas.height - edge, 0, canvas.height - edge, canvas.width, edge],
  ];
  for (const [x0, y0, x1, y1, rx, ry, rw, rh] of walls) {
    const g = ctx.createLinearGradient(x0, y0, x1, y1);
    g.addColorStop(0, "rgba(0,0,0,0.5)");
    g.addColorStop(1, "rgba(0,0,0,0)");
    ctx.fillStyle = g;
    ctx.fillRect(rx, ry, rw, rh);
  }
  for (const { placement, footprint } of items) {
    const side = footprint.plinthSide * s;
    ctx.save();
    ctx.translate((placement.position[0] - hall.minX) * s, (placement.position[2] - hall.minZ) * s);
    // Canvas rotation is clockwise in x→y; three's rotation about Y seen from above maps to its inverse.
    ctx.rotate(-placement.rotationY);
    // Blurred shadow via the shadow of a shape drawn off-canvas: portable where ctx.filter is not.
    const off = canvas.width + canvas.height + 4 * side;
    ctx.shadowColor = "rgba(0,0,0,0.7)";
    ctx.shadowBlur = side * 0.45;
    ctx.shadowOffsetX = off;
    ctx.fillStyle = "#000";
    ctx.fillRect(-side * 0.62 - off, -side * 0.62, side * 1.24, side * 1.24);
    ctx.shadowColor = "rgba(0,0,0,0.6)";
    ctx.shadowBlur = Math.max(2, side * 0.06);
    ctx.fillRect(-side * 0.53 - off, -side * 0.53, side * 1.06, side * 1.06);
    ctx.restore();
  }
  const texture = new THREE.CanvasTexture(canvas);
  texture.channel = 1;
  return texture;
}
