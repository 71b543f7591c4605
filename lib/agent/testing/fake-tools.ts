// Test doubles for the build's tools: same names, signatures and argument validation style as the real
// ones, with recorded calls, a configurable delay (so concurrency is observable) and injectable faults.
import { z } from "zod";
import { imageHandleSchema as imageHandle, modelHandleSchema as modelHandle, type AgentTool, type ImageHandle, type ModelHandle, type ToolContext } from "../tool-types";

export interface FakeToolOptions {
  delayMs?: number;
  /** generate_image throws for these exhibit keys. */
  failImageFor?: string[];
  /** inspect_image reports the first picture of these exhibits as blurry. */
  weakFirstImageFor?: string[];
  /** Coverage and extent of each listed exhibit's first picture (the rest measure as a full, sharp subject). */
  firstImageShape?: Record<string, { coverage: number; extent: number }>;
  /** image_to_3d throws for these exhibit keys. */
  failModelFor?: string[];
  /** Include a final_answer tool (otherwise the agent's built-in one is used). */
  withFinalAnswer?: boolean;
  /** The provided final_answer throws this many times first. */
  finalAnswerFailures?: number;
}

export interface ToolCall {
  name: string;
  args: unknown;
  callId: string;
}

export interface FakeTools {
  tools: AgentTool[];
  calls: ToolCall[];
  /** The most tool calls that were running at the same moment. */
  readonly maxInFlight: number;
  /** Signals of every call, to check that abort reached them. */
  signals: AbortSignal[];
}


function parse<T>(name: string, schema: z.ZodType<T>, args: unknown): T {
  const r = schema.safeParse(args);
  if (!r.success) {
    throw new Error(`${name}: invalid arguments: ${r.error.issues.map((i) => `${i.path.join(".") || "args"}: ${i.message}`).join("; ")}`);
  }
  return r.data;
}

export function fakeTools(options: FakeToolOptions = {}): FakeTools {
  const delay = options.delayMs ?? 20;
  const calls: ToolCall[] = [];
  const signals: AbortSignal[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const images = new Map<string, number>();

  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new Error("aborted"));
      const t = setTimeout(resolve, delay);
      signal.addEventListener("abort", () => {
        clearTimeout(t);
        reject(new Error("aborted"));
      });
    });

  const tool = (name: string, signature: string, description: string, impl: (args: unknown, ctx: ToolContext) => unknown): AgentTool => ({
    name,
    signature,
    description,
    async run(args, ctx) {
      calls.push({ name, args, callId: ctx.callId });
      signals.push(ctx.signal);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await wait(ctx.signal);
        return impl(args, ctx);
      } finally {
        inFlight--;
      }
    },
  });

  const tools: AgentTool[] = [
    tool(
      "generate_image",
      "async function generate_image(args: { exhibit: string, prompt: string, seed?: number, width?: number, height?: number, space?: string }): Promise<ImageHandle>",
      "Draws one picture for an exhibit with a text-to-image Space.",
      (args) => {
        const a = parse("generate_image", z.object({ exhibit: z.string(), prompt: z.string().min(1), seed: z.number().int().optional() }), args);
        if (options.failImageFor?.includes(a.exhibit)) throw new Error(`generate_image: every text-to-image Space failed for ${a.exhibit} (503 Service Unavailable)`);
        const n = (images.get(a.exhibit) ?? 0) + 1;
        images.set(a.exhibit, n);
        return { kind: "image", id: `img-${a.exhibit}-${n}`, width: 1024, height: 1024 } satisfies ImageHandle;
      },
    ),
    tool(
      "inspect_image",
      "async function inspect_image(args: { image: ImageHandle }): Promise<{ width: number; height: number; sharpness: number; coverage: number; extent: number; background_clean: number }>",
      "Measures a picture: sharpness (variance of the Laplacian; below ~20 is blurry), coverage (share of the picture that is subject, 0–1), extent (the larger side of the subject's bounding box over the picture's, 0–1; coverage below 0.05 with extent below 0.5 is nearly empty), background_clean (share of the border that is plain background, 0–1; below 0.8 makes a poor 3D model).",
      (args) => {
        const { image } = parse("inspect_image", z.object({ image: imageHandle }), args);
        const weak = options.weakFirstImageFor?.some((k) => image.id === `img-${k}-1`);
        const shape = Object.entries(options.firstImageShape ?? {}).find(([k]) => image.id === `img-${k}-1`)?.[1];
        return { width: image.width, height: image.height, sharpness: weak ? 6 : 140, coverage: 0.45, extent: 0.8, ...shape, background_clean: 0.97 };
      },
    ),
    tool(
      "image_to_3d",
      "async function image_to_3d(args: { exhibit: string, image: ImageHandle, seed?: number, space?: string }): Promise<ModelHandle>",
      "Turns a picture into a GLB model with an image-to-3D Space.",
      (args) => {
        const a = parse("image_to_3d", z.object({ exhibit: z.string(), image: imageHandle, seed: z.number().int().optional() }), args);
        if (options.failModelFor?.includes(a.exhibit)) throw new Error(`image_to_3d: the Space returned an empty mesh for ${a.exhibit}`);
        return { kind: "model", id: `glb-${a.image.id}`, bytes: 1000, vertices: 500 } satisfies ModelHandle;
      },
    ),
    tool(
      "place_exhibit",
      "async function place_exhibit(args: { exhibit: string, title?: string, description?: string, image: ImageHandle, model: ModelHandle, position?: [number, number, number] }): Promise<{ id: string }>",
      "Puts an exhibit's model in the hall.",
      (args) => {
        const a = parse(
          "place_exhibit",
          z.object({ exhibit: z.string(), title: z.string().optional(), description: z.string().optional(), image: imageHandle, model: modelHandle }),
          args,
        );
        return { id: `exhibit-${a.exhibit}` };
      },
    ),
  ];
  let finalFailures = options.finalAnswerFailures ?? 0;
  if (options.withFinalAnswer || finalFailures > 0) {
    tools.push(
      tool("final_answer", "async function final_answer(args: { summary: string }): Promise<{ ok: true }>", "Ends the build with a summary.", (args) => {
        parse("final_answer", z.object({ summary: z.string().min(1) }), args);
        if (finalFailures-- > 0) throw new Error("final_answer: the gallery store is busy, try again");
        return { ok: true };
      }),
    );
  }
  return {
    tools,
    calls,
    signals,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}
