// The engine tasks a worker runs: the built-in Spaces' CPU-heavy work. Bytes in and out are transferred.
// (ink-image runs the "sketch" task with its house style in the prompt: same engine, nothing to add here.)
import { reconstructRelief, type ReliefStats } from "../relief/reconstruct";
import { reconstructModel, ReconstructInputError, type ReconstructStats } from "../shape/reconstruct";
import { renderSketch } from "../sketch/render";
import { reconstructSplat, type SplatRequest, type SplatStats } from "../splat/reconstruct";
import { transferableBytes, type TaskHandler } from "../../platform/worker-pool/protocol";

export interface SketchTaskInput {
  prompt: string;
  seed: number;
  width: number;
  height: number;
}
export interface SketchTaskOutput {
  png: ArrayBuffer;
}

/** The image-to-3D engines (shape-3d, relief-3d): one input, a GLB out, each with its own stats. */
export interface ImageTo3dStats {
  shape: ReconstructStats;
  relief: ReliefStats;
}
export type ImageTo3dEngine = keyof ImageTo3dStats;

export interface ImageTo3dTaskInput {
  image: ArrayBuffer;
  seed: number;
}
export interface ImageTo3dTaskOutput<E extends ImageTo3dEngine = ImageTo3dEngine> {
  glb: ArrayBuffer;
  stats: ImageTo3dStats[E];
}

/** The splat engine (splat-3d): a picture and TripoSplat's knobs in, a 3DGS .ply (or .splat) and the cut-out picture out. */
export interface SplatTaskInput extends SplatRequest {
  image: ArrayBuffer;
  format: "ply" | "splat";
}
export interface SplatTaskOutput {
  file: ArrayBuffer;
  preview: ArrayBuffer;
  stats: SplatStats;
}

type Reconstruct<E extends ImageTo3dEngine> = (image: Uint8Array, opts: { seed: number }) => Promise<{ glb: Buffer; stats: ImageTo3dStats[E] }>;

function imageTo3dTask<E extends ImageTo3dEngine>(reconstruct: Reconstruct<E>): TaskHandler {
  return async (input) => {
    const { image, seed } = input as ImageTo3dTaskInput;
    const { glb, stats } = await reconstruct(new Uint8Array(image), { seed });
    const bytes = transferableBytes(glb);
    const output: ImageTo3dTaskOutput<E> = { glb: bytes, stats };
    return { output, transfer: [bytes] };
  };
}

export const engineTasks: Record<"sketch" | "splat" | ImageTo3dEngine, TaskHandler> = {
  async sketch(input) {
    const { prompt, seed, width, height } = input as SketchTaskInput;
    const png = transferableBytes(await renderSketch({ prompt, seed, width, height }));
    const output: SketchTaskOutput = { png };
    return { output, transfer: [png] };
  },
  shape: imageTo3dTask(reconstructModel),
  relief: imageTo3dTask(reconstructRelief),
  async splat(input) {
    const { image, format, ...request } = input as SplatTaskInput;
    const { ply, splat, preview, stats } = await reconstructSplat(new Uint8Array(image), request);
    const output: SplatTaskOutput = { file: transferableBytes(format === "splat" ? splat() : ply), preview: transferableBytes(preview), stats };
    return { output, transfer: [output.file, output.preview] };
  },
};

/**
 * Engine refusals the caller should see as such (a Gradio error with the engine's message). The image-to-3D
 * engines and the splat engine all refuse with shape's ReconstructInputError.
 */
export function isEngineInputError(err: unknown): boolean {
  return err instanceof ReconstructInputError || (err instanceof Error && err.name === "ReconstructInputError");
}
