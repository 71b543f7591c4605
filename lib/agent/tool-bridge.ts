import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Emit } from "@/lib/contracts/build-events";
import type { BudgetTracker } from "./budgets";
import type { HostTool } from "./sandbox/sandbox";
import { toolSignature } from "./tool-signature";
import type { AgentTool } from "./tool-types";

// Between the sandbox's tool stubs and the build's AgentTools: counts calls against the budget, gives
// each call its context (signal, emit, id), and watches two calls the loop cares about — final_answer
// (a host-side flag: guest code could swallow any exception we threw) and place_exhibit (what got built).

// The built-in final_answer reads its argument leniently (summaryOf); the schema is what the model is told to pass.
export const FINAL_ANSWER_SIGNATURE = toolSignature("final_answer", z.object({ summary: z.string() }), z.object({ ok: z.literal(true) }));
export const FINAL_ANSWER_DESCRIPTION =
  "Ends the build. Call it once, after every exhibit has been placed or has definitively failed, with a short summary for the visitor: what was placed, what failed and why.";

/** Globals the sandbox defines or the model relies on: a tool must not replace them. */
const RESERVED = new Set([
  "console", "plan", "eval", "globalThis", "JSON", "Math", "Object", "Array", "String", "Number", "Boolean", "Date",
  "Error", "Function", "Promise", "Symbol", "Reflect", "Proxy", "Map", "Set", "RegExp", "undefined", "NaN", "Infinity",
]);

export interface FinalAnswer {
  summary: string;
  /** The argument exactly as the model passed it. */
  raw: unknown;
}

export interface ToolBridge {
  hostTools: Record<string, HostTool>;
  /** The tools as shown to the model, final_answer included. */
  visibleTools: Pick<AgentTool, "name" | "signature" | "description">[];
  readonly finalAnswer: FinalAnswer | null;
  /** Exhibit keys for which place_exhibit succeeded. */
  readonly placed: ReadonlySet<string>;
}

export function summaryOf(args: unknown): string {
  if (typeof args === "string") return args.trim();
  if (args && typeof args === "object") {
    const o = args as Record<string, unknown>;
    for (const k of ["summary", "answer", "text", "message"]) if (typeof o[k] === "string") return (o[k] as string).trim();
  }
  if (args === null || args === undefined) return "";
  try {
    return JSON.stringify(args);
  } catch {
    return String(args);
  }
}

export function createToolBridge(options: {
  tools: AgentTool[];
  budget: BudgetTracker;
  emit: Emit;
  /** The step number, for the call ids the tools see. */
  currentStep: () => number;
}): ToolBridge {
  const { tools, budget, emit } = options;
  const seen = new Set<string>();
  for (const tool of tools) {
    if (!/^[A-Za-z_$][\w$]*$/.test(tool.name)) throw new Error(`Tool name ${JSON.stringify(tool.name)} is not a JavaScript identifier`);
    if (RESERVED.has(tool.name)) throw new Error(`Tool name ${tool.name} would shadow a sandbox global`);
    if (seen.has(tool.name)) throw new Error(`Two tools are named ${tool.name}`);
    seen.add(tool.name);
  }
  const byName = new Map(tools.map((t) => [t.name, t]));
  const placed = new Set<string>();
  let finalAnswer: FinalAnswer | null = null;
  let callIndex = 0;

  const contextFor = (signal: AbortSignal) => ({ signal, emit, callId: `s${options.currentStep()}-${++callIndex}-${randomUUID().slice(0, 8)}` });

  const hostTools: Record<string, HostTool> = {};
  for (const tool of tools) {
    if (tool.name === "final_answer") continue;
    hostTools[tool.name] = async (args, signal) => {
      budget.chargeToolCall(tool.name);
      const result = await tool.run(args, contextFor(signal));
      if (tool.name === "place_exhibit" && args && typeof args === "object") {
        const key = (args as { exhibit?: unknown }).exhibit;
        if (typeof key === "string") placed.add(key);
      }
      return result;
    };
  }

  // final_answer is not charged: a model that spent every call must still be able to finish.
  const provided = byName.get("final_answer");
  hostTools.final_answer = async (args, signal) => {
    const summary = summaryOf(args);
    if (!summary) throw new Error('final_answer needs a summary, e.g. final_answer({ summary: "Placed 5 of 6 exhibits…" })');
    const result = provided ? await provided.run(args, contextFor(signal)) : { ok: true };
    finalAnswer ??= { summary, raw: args };
    return result ?? { ok: true };
  };

  const visibleTools = [
    ...tools.filter((t) => t.name !== "final_answer"),
    provided ?? { name: "final_answer", signature: FINAL_ANSWER_SIGNATURE, description: FINAL_ANSWER_DESCRIPTION },
  ].map(({ name, signature, description }) => ({ name, signature, description }));

  return {
    hostTools,
    visibleTools,
    get finalAnswer() {
      return finalAnswer;
    },
    placed,
  };
}
