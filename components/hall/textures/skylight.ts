// Glazing of the skylight: pale panes in an iron grid. Used as an emissive map, so the grid reads dark against
// the bright sky. One texture spans the strip's width and SKYLIGHT_PANE metres of its length.
import { createCanvas, tilingTexture } from "./canvas";

export const SKYLIGHT_PANE = 1.5;

export function skylightTexture() {
  const { canvas, ctx } = createCanvas(256, 256);
  const grad = ctx.createLinearGradient(0, 0, 256, 0);
  grad.addColorStop(0, "#e8e4da");
  grad.addColorStop(0.5, "#fffaf0");
  grad.addColorStop(1, "#e8e4da");
  ctx.fillStyle = grad;
  ctx.fillRect(0, 0, 256, 256);
  ctx.fillStyle = "#2a2622";
  // Mullions across (every pane) and along (four lights across the strip).
  ctx.fillRect(0, 0, 256, 10);
  for (let i = 0; i <= 4; i++) ctx.fillRect(i * 64 - 3, 0, 6, 256);
  ctx.fillRect(0, 127, 256, 3);
  return tilingTexture(canvas);
}
