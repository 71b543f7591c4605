// Coffered plaster for the barrel vault: square caissons with a stepped recess and a rosette, as in the Louvre's
// Grande Galerie. One caisson per texture; it repeats every VAULT_PERIOD metres.
import { createCanvas, seededRandom, speckle, tilingTexture } from "./canvas";

const SIZE = 256;
export const VAULT_PERIOD = 1.2;

export function vaultTexture() {
  const { canvas, ctx } = createCanvas(SIZE, SIZE);
  const rand = seededRandom(11);
  ctx.fillStyle = "#f1ebdf";
  ctx.fillRect(0, 0, SIZE, SIZE);
  // Stepped recess: each step a little darker, lit from one side.
  const steps = [
    { inset: 22, fill: "#e9e1d2" },
    { inset: 34, fill: "#e2d9c8" },
    { inset: 44, fill: "#dcd2bf" },
  ];
  for (const { inset, fill } of steps) {
    ctx.fillStyle = fill;
    ctx.fillRect(inset, inset, SIZE - 2 * inset, SIZE - 2 * inset);
    ctx.fillStyle = "rgba(255, 248, 232, 0.5)";
    ctx.fillRect(inset, inset, SIZE - 2 * inset, 3);
    ctx.fillStyle = "rgba(90, 70, 45, 0.18)";
    ctx.fillRect(inset, SIZE - inset - 3, SIZE - 2 * inset, 3);
  }
  // Gilded rosette.
  const c = SIZE / 2;
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * Math.PI * 2;
    ctx.fillStyle = "rgba(190, 150, 80, 0.85)";
    ctx.beginPath();
    ctx.ellipse(c + Math.cos(a) * 11, c + Math.sin(a) * 11, 9, 4.5, a, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = "#a8803c";
  ctx.beginPath();
  ctx.arc(c, c, 6, 0, Math.PI * 2);
  ctx.fill();
  speckle(ctx, rand, 0, 0, SIZE, SIZE, 500, "rgba(110, 90, 60, 0.08)", "rgba(255, 255, 245, 0.12)");
  return tilingTexture(canvas);
}
