// The engine tasks a worker runs: the built-in Spaces' CPU-heavy work. Bytes in and out are transferred.
// (ink-image runs the "sketch" task with its house style in the prompt: same engine, nothing to add here.)
import { reconstructRelief, type ReliefStats } from "../relief/reconstruct";
import { reconstructModel, ReconstructInputError, type ReconstructStats } from "../shape/reconstruct";
import { renderSketch } from "../sketch/render";
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

export interface ShapeTaskInput {
  image: ArrayBuffer;
  seed: number;
}
export interface ShapeTaskOutput {
  glb: ArrayBuffer;
  stats: ReconstructStats;
}

/** relief-3d takes the same input as shape-3d. */
export type ReliefTaskInput = ShapeTaskInput;
export interface ReliefTaskOutput {
  glb: ArrayBuffer;
  stats: ReliefStats;
}

export const engineTasks: Record<string, TaskHandler> = {
  async sketch(input) {
    const { prompt, seed, width, height } = input as SketchTaskInput;
    const png = transferableBytes(await renderSketch({ prompt, seed, width, height }));
    const output: SketchTaskOutput = { png };
    return { output, transfer: [png] };
  },
  async shape(input) {
    const { image, seed } = input as ShapeTaskInput;
    const { glb, stats } = await reconstructModel(new Uint8Array(image), { seed });
    const bytes = transferableBytes(glb);
    const output: ShapeTaskOutput = { glb: bytes, stats };
    return { output, transfer: [bytes] };
  },
  async relief(input) {
    const { image, seed } = input as ReliefTaskInput;
    const { glb, stats } = await reconstructRelief(new Uint8Array(image), { seed });
    const bytes = transferableBytes(glb);
    const output: ReliefTaskOutput = { glb: bytes, stats };
    return { output, transfer: [bytes] };
  },
};

/**
 * Engine refusals the caller should see as such (a Gradio error with the engine's message). Both image-to-3D
 * engines refuse with shape's ReconstructInputError.
 */
export function isEngineInputError(err: unknown): boolean {
  return err instanceof ReconstructInputError || (err instanceof Error && err.name === "ReconstructInputError");
}
