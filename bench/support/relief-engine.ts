/**
 * Times reconstructRelief on 1024×1024 pictures and reports the median, the GLB size and the mesh.
 * Run: npx tsx --conditions=react-server bench/support/relief-engine.ts
 * (the react-server condition lets `server-only` load outside Next). Wall time and this process's CPU time are
 * both shown: on a shared machine the first depends on the neighbours.
 */
import sharp from "sharp";
import { renderSketch } from "../../lib/builtin-spaces/sketch/render";
import { ARCH, DOME, TOWER, renderFixture } from "../../lib/builtin-spaces/shape/testing/fixtures";
import { reconstructRelief } from "../../lib/builtin-spaces/relief/reconstruct";

const RUNS = 15;

async function pictures(): Promise<Array<[string, Buffer]>> {
  const square = async (png: Buffer) =>
    sharp(png).resize(1024, 1024, { fit: "contain", background: "#000" }).png().toBuffer();
  return [
    ["tower", await square(await renderFixture(TOWER))],
    ["dome", await square(await renderFixture(DOME))],
    ["arch", await square(await renderFixture(ARCH))],
    ["sketch", await renderSketch({ prompt: "a lighthouse", seed: 3, width: 1024, height: 1024 })],
  ];
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main(): Promise<void> {
  for (const [name, png] of await pictures()) {
    await reconstructRelief(png, { seed: 0 }); // warm-up: JIT, sharp's thread pool
    const wall: number[] = [];
    const cpu: number[] = [];
    let result = await reconstructRelief(png, { seed: 0 });
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const c0 = cpuMs();
      result = await reconstructRelief(png, { seed: 0 });
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
    }
    const { glb, stats } = result;
    console.log(
      `${name.padEnd(7)} median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU ` +
        `(wall min ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)})  ` +
        `GLB ${(glb.length / 1024).toFixed(0)} KB (texture ${(stats.textureBytes / 1024).toFixed(0)} KB ${stats.textureSize.join("×")})  ` +
        `grid ${stats.grid.join("×")}, ${stats.vertices} vertices, ${stats.triangles} triangles, ` +
        `${stats.width.toFixed(2)}×${stats.height.toFixed(2)}×${stats.depth.toFixed(2)} m`,
    );
  }
}

void main();
