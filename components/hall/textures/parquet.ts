// Herringbone oak parquet ("point de Hongrie" is chevron; this is the bâton rompu of Parisian flats and museums).
// Planks are W × 4W. The pattern is periodic on the lattice (W, W), (4W, −4W); a 32W square canvas is a lattice
// vector in both axes, so the texture tiles seamlessly.
import { createCanvas, seededRandom, tilingTexture } from "./canvas";

const SIZE = 1024;
const W = 32;
const L = 4 * W;
/** World size of one plank's width; the texture then repeats every 32 × 0.07 = 2.24 m. */
const PARQUET_PLANK_WIDTH = 0.07;
export const PARQUET_PERIOD = (SIZE / W) * PARQUET_PLANK_WIDTH;

function plank(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, seed: number) {
  const rand = seededRandom(seed);
  const horizontal = w > h;
  const hue = 26 + rand() * 7;
  const light = 27 + rand() * 13;
  const sat = 34 + rand() * 12;
  const grad = horizontal ? ctx.createLinearGradient(x, y, x + w, y) : ctx.createLinearGradient(x, y, x, y + h);
  grad.addColorStop(0, `hsl(${hue} ${sat}% ${light - 3 + rand() * 4}%)`);
  grad.addColorStop(0.5, `hsl(${hue} ${sat}% ${light + rand() * 3}%)`);
  grad.addColorStop(1, `hsl(${hue} ${sat}% ${light - 4 + rand() * 4}%)`);
  ctx.fillStyle = grad;
  ctx.fillRect(x, y, w, h);

  // Grain: long, slightly wavy strokes along the plank.
  const len = horizontal ? w : h;
  const across = horizontal ? h : w;
  for (let i = 0; i < 9; i++) {
    const off = 2 + rand() * (across - 4);
    const amp = rand() * 1.5;
    const phase = rand() * 6;
    ctx.strokeStyle = rand() < 0.6 ? `hsla(${hue - 4} 50% ${light - 14}% / 0.35)` : `hsla(${hue + 4} 55% ${light + 10}% / 0.25)`;
    ctx.lineWidth = 0.6 + rand() * 0.9;
    ctx.beginPath();
    for (let t = 0; t <= len; t += 8) {
      const o = off + Math.sin(t / 17 + phase) * amp;
      if (horizontal) ctx.lineTo(x + t, y + o);
      else ctx.lineTo(x + o, y + t);
    }
    ctx.stroke();
  }
  if (rand() < 0.15) {
    // A small knot.
    const kx = x + (horizontal ? 10 + rand() * (w - 20) : w / 2);
    const ky = y + (horizontal ? h / 2 : 10 + rand() * (h - 20));
    ctx.fillStyle = `hsla(${hue - 6} 55% ${light - 18}% / 0.6)`;
    ctx.beginPath();
    ctx.ellipse(kx, ky, horizontal ? 3 : 1.8, horizontal ? 1.8 : 3, 0, 0, Math.PI * 2);
    ctx.fill();
  }
  // Joints between planks.
  ctx.strokeStyle = "rgba(30, 16, 6, 0.7)";
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
}

export function parquetTexture() {
  const { canvas, ctx } = createCanvas(SIZE, SIZE);
  const n = SIZE / W;
  const mod = (v: number) => ((v % SIZE) + SIZE) % SIZE;
  // Lattice points (uW, vW) with u ≡ v (mod 8); each carries one horizontal and one vertical plank.
  for (let u = -8; u <= n + 8; u++) {
    for (let v = -8; v <= n + 8; v++) {
      if ((((u - v) % 8) + 8) % 8 !== 0) continue;
      const px = u * W;
      const py = v * W;
      // Colour keyed by the plank's position modulo the tile, so wrapped copies match.
      const key = (mod(px) * 7919 + mod(py)) * 2;
      if (px + L > 0 && px < SIZE && py + W > 0 && py < SIZE) plank(ctx, px, py, L, W, key);
      if (px > 0 && px - W < SIZE && py + L > 0 && py < SIZE) plank(ctx, px - W, py, W, L, key + 1);
    }
  }
  return tilingTexture(canvas, 4);
}
