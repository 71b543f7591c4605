// Ashlar limestone (pierre de Paris): courses of pale cream blocks with fine joints, staggered course to course.
// The canvas holds two courses of two blocks, so it tiles.
import { createCanvas, seededRandom, speckle, tilingTexture } from "./canvas";

const WIDTH = 1024;
const HEIGHT = 512;
/** World size of the texture: blocks are 1 m long and courses 0.5 m high. */
export const STONE_PERIOD_U = 2;
export const STONE_PERIOD_V = 1;

export function stoneTexture() {
  const { canvas, ctx } = createCanvas(WIDTH, HEIGHT);
  const rand = seededRandom(7);
  const course = HEIGHT / 2;
  const block = WIDTH / 2;
  for (let row = 0; row < 2; row++) {
    const shift = row === 1 ? block / 2 : 0;
    for (let col = -1; col < 2; col++) {
      const x = col * block + shift;
      const y = row * course;
      const l = 80 + rand() * 5;
      const grad = ctx.createLinearGradient(x, y, x + block * 0.6, y + course);
      grad.addColorStop(0, `hsl(${38 + rand() * 4} 24% ${l}%)`);
      grad.addColorStop(1, `hsl(${36 + rand() * 4} 22% ${l - 3 - rand() * 3}%)`);
      ctx.fillStyle = grad;
      ctx.fillRect(x, y, block, course);
      speckle(ctx, rand, x, y, block, course, 900, "rgba(120, 100, 70, 0.12)", "rgba(255, 250, 235, 0.18)");
      // Faint fossil-shell flecks typical of lutetian limestone.
      for (let i = 0; i < 6; i++) {
        ctx.strokeStyle = "rgba(140, 120, 90, 0.18)";
        ctx.lineWidth = 1;
        ctx.beginPath();
        const cx = x + rand() * block;
        const cy = y + rand() * course;
        ctx.arc(cx, cy, 2 + rand() * 4, rand() * 3, rand() * 3 + 2);
        ctx.stroke();
      }
      // Joint: a light mortar line with a soft shadow beneath.
      ctx.fillStyle = "rgba(235, 226, 206, 0.9)";
      ctx.fillRect(x, y, block, 3);
      ctx.fillRect(x, y, 3, course);
      ctx.fillStyle = "rgba(90, 72, 50, 0.25)";
      ctx.fillRect(x, y + 3, block, 2);
      ctx.fillRect(x + 3, y, 2, course);
    }
  }
  return tilingTexture(canvas);
}
