// Tests only: a small Space that exercises every part of the protocol without any heavy engine —
// text in/out, file in/out, progress, user-facing and internal errors.
import { sleep } from "@/lib/platform/abort";
import { GradioError } from "../errors";
import { outputFile, type GradioAppDefinition } from "../types";

export function testSpace(overrides: Partial<GradioAppDefinition> = {}): GradioAppDefinition {
  return {
    id: "test-space",
    title: "Test Space",
    description: "Echo and friends",
    concurrencyLimit: 4,
    endpoints: [
      {
        apiName: "upper",
        description: "Upper-cases text",
        parameters: [
          { name: "text", label: "Text", component: "textbox", type: "string" },
          { name: "repeat", label: "Repeat", component: "slider", type: "integer", default: 1, minimum: 1, maximum: 5 },
        ],
        returns: [{ label: "Result", component: "textbox", type: "string" }],
        run: async (args) => [args.string("text").toUpperCase().repeat(args.number("repeat"))],
      },
      {
        apiName: "echo_file",
        description: "Returns the uploaded file and its size",
        parameters: [
          { name: "file", label: "File", component: "file", type: "file" },
          { name: "suffix", label: "Suffix", component: "textbox", type: "string", default: "" },
        ],
        returns: [
          { label: "Copy", component: "file", type: "file" },
          { label: "Size", component: "number", type: "integer" },
        ],
        run: async (args) => {
          const file = args.file("file");
          const bytes = await file.read();
          return [outputFile(bytes, `copy${args.string("suffix")}-${file.name}`), bytes.byteLength];
        },
      },
      {
        apiName: "slow",
        description: "Counts steps with progress",
        parameters: [
          { name: "steps", label: "Steps", component: "number", type: "integer", default: 3, minimum: 1, maximum: 50 },
          { name: "step_ms", label: "Step ms", component: "number", type: "integer", default: 20, minimum: 0, maximum: 5000 },
        ],
        returns: [{ label: "Done", component: "textbox", type: "string" }],
        run: async (args, ctx) => {
          const steps = args.number("steps");
          for (let i = 0; i < steps; i++) {
            ctx.progress(i / steps, `step ${i + 1}/${steps}`);
            await sleep(args.number("step_ms"), ctx.signal);
          }
          ctx.progress(1, "done");
          return [`done ${steps}`];
        },
      },
      {
        apiName: "fail",
        parameters: [
          { name: "message", label: "Message", component: "textbox", type: "string" },
          { name: "title", label: "Title", component: "textbox", type: "string", default: "Error" },
        ],
        returns: [{ label: "Never", component: "textbox", type: "string" }],
        run: async (args) => {
          throw new GradioError(args.string("message"), { title: args.string("title") });
        },
      },
      {
        apiName: "boom",
        parameters: [],
        returns: [{ label: "Never", component: "textbox", type: "string" }],
        run: async () => {
          throw new TypeError("kaboom");
        },
      },
    ],
    ...overrides,
  };
}
