/**
 * Times reconstructModel on 1024×1024 pictures of each kind and reports the median and the GLB size. Wall time
 * suffers when the machine is shared, so the process's CPU time per call (all threads) is reported beside it.
 * Run: npx tsx --conditions=react-server bench/support/shape-engine.ts
 * (the react-server condition lets `server-only` load outside Next).
 */
import sharp from "sharp";
import { reconstructModel } from "../../lib/builtin-spaces/shape/reconstruct";
import { ARCH, DOME, TOWER, renderFixture, type Fixture } from "../../lib/builtin-spaces/shape/testing/fixtures";

const RUNS = 15;

/** A photo-like 1024² picture: the fixture resized, with per-pixel noise so PNG and JPEG cannot cheat on flat fills. */
async function photoLike(fixture: Fixture): Promise<Buffer> {
  const base = await sharp(await renderFixture(fixture)).resize(1024, 1024, { fit: "contain", background: "#000" }).removeAlpha().raw().toBuffer();
  let seed = 1;
  const noisy = Buffer.from(base);
  for (let i = 0; i < noisy.length; i++) {
    if (i % 3 === 0) seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    if (noisy[i]! > 0) noisy[i] = Math.max(0, Math.min(255, noisy[i]! + ((seed >> 8) % 25) - 12));
  }
  return sharp(noisy, { raw: { width: 1024, height: 1024, channels: 3 } }).png().toBuffer();
}

async function main(): Promise<void> {
  for (const fixture of [TOWER, DOME, ARCH]) {
    const png = await photoLike(fixture);
    await reconstructModel(png, { seed: 0 }); // warm-up: JIT, sharp's thread pool
    const times: number[] = [];
    const cpu: number[] = [];
    let result = await reconstructModel(png, { seed: 0 });
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      result = await reconstructModel(png, { seed: 0 });
      const used = process.cpuUsage(c0);
      times.push(performance.now() - t0);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const { glb, stats } = result;
    console.log(
      `${fixture.name.padEnd(6)} ${stats.kind.padEnd(7)} median ${times[RUNS >> 1]!.toFixed(0)} ms ` +
        `(min ${times[0]!.toFixed(0)}, max ${times[RUNS - 1]!.toFixed(0)}), CPU ${cpu[RUNS >> 1]!.toFixed(0)} ms  input ${(png.length / 1024).toFixed(0)} KB  ` +
        `GLB ${(glb.length / 1024).toFixed(0)} KB (texture ${(stats.textureBytes / 1024).toFixed(0)} KB)  ` +
        `${stats.vertices} vertices, ${stats.triangles} triangles`,
    );
  }
}

void main();
