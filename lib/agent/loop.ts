import "server-only";
import type { BrainPhase, Emit, EventPayload, StopReason } from "@/lib/contracts/build-events";
import { createOfflineBrain, progressSummary } from "./brains/offline-brain";
import { planOffline } from "./brains/offline-planner";
import { BrainError, type Brain, type ChatMessage, type LastStepView } from "./brains/types";
import { BudgetTracker, withDefaultBudgets, type AgentBudgets } from "./budgets";
import { AgentMemory } from "./memory";
import { parseCodeBlock } from "./parse-code";
import type { AgentPlan } from "@/lib/contracts/agent-plan";
import { capPlan, MAX_EXHIBITS, parsePlan } from "./plan";
import {
  finalAnswerRequest,
  formatObservation,
  noCodeObservation,
  planRetryMessage,
  planSystemPrompt,
  planUserMessage,
  STEP_STOP_SEQUENCES,
  stepSystemPrompt,
  taskMessage,
} from "./prompt";
import type { SandboxLimits } from "./sandbox/limits";
import { SandboxSession } from "./sandbox/session";
import { createToolBridge } from "./tool-bridge";
import type { AgentTool } from "./tool-types";
import { truncateMiddle } from "./truncate";

// The agent: plan, then Thought + code steps in a sandbox until final_answer or a budget runs out.
// Every failure short of the build being stopped is an observation the model can act on; a model that
// cannot be reached at all hands over to the offline brain so the visitor still gets a gallery.

export interface RunAgentOptions {
  goal: string;
  brain: Brain;
  tools: AgentTool[];
  budgets?: Partial<AgentBudgets>;
  emit: Emit;
  signal?: AbortSignal;
  sandboxLimits?: Partial<SandboxLimits>;
  /** At most this many exhibits (1–12). */
  maxExhibits?: number;
  /** Fall back to the offline brain when the model cannot be reached (default true). */
  fallbackToOffline?: boolean;
}

export interface AgentResult {
  /** True when the model called final_answer. */
  answered: boolean;
  stopReason: StopReason;
  /** The final answer's summary, or the best summary available when the run was cut short. */
  summary: string;
  /** final_answer's argument as the model passed it. */
  answer: unknown;
  plan: AgentPlan | null;
  /** Plan keys whose place_exhibit call succeeded, in plan order. */
  placed: string[];
  /** Plan keys that never got placed. */
  unplaced: string[];
  steps: number;
  toolCalls: number;
  durationMs: number;
  /** The brain(s) that wrote this run, e.g. "llm:Qwen/…" or "llm:… → offline". */
  brain: string;
  /** Sandbox instances dropped and replaced during the run. */
  sandboxResets: number;
}

/** Longest a streamed delta waits before it is shown: 20 updates a second read as live text. */
export const DELTA_FLUSH_MS = 50;
const DELTA_MAX_CHARS = 4000;

/**
 * Coalesces token deltas into fewer, larger events: every event is persisted and sent to every watcher, so a
 * model streaming single tokens (or the offline brain, which writes a whole program at once) must not cost
 * one database write per token. A delta is held at most DELTA_FLUSH_MS.
 */
export function deltaEmitter(emit: Emit, payload: Pick<EventPayload<"thought.delta">, "step" | "phase">) {
  let buffer = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!buffer) return;
    emit({ type: "thought.delta", payload: { ...payload, delta: buffer } });
    buffer = "";
  };
  return {
    push(delta: string) {
      buffer += delta;
      if (buffer.length >= DELTA_MAX_CHARS) flush();
      else if (buffer) timer ??= setTimeout(flush, DELTA_FLUSH_MS);
    },
    flush,
    reset() {
      if (timer) clearTimeout(timer);
      timer = null;
      buffer = "";
      emit({ type: "thought.delta", payload: { ...payload, reset: true } });
    },
  };
}

export async function runAgent(options: RunAgentOptions): Promise<AgentResult> {
  const { goal, tools, emit } = options;
  const budgets = withDefaultBudgets(options.budgets);
  const budget = new BudgetTracker(budgets, options.signal);
  const maxExhibits = Math.min(MAX_EXHIBITS, Math.max(1, options.maxExhibits ?? MAX_EXHIBITS));
  let brain = options.brain;
  let brainLabel = brain.id;
  const fallback = options.fallbackToOffline ?? true;

  let plan: AgentPlan | null = null;
  let lastStep: LastStepView | undefined;
  let session: SandboxSession | null = null;
  let stopReason: StopReason | null = null;
  let lateSummary: string | null = null;

  const bridge = createToolBridge({ tools, budget, emit, currentStep: () => budget.steps });
  const toolNames = bridge.visibleTools.map((t) => t.name);

  /** One model message, streamed to the build log; switches to the offline brain if the model is unreachable. */
  const generate = async (phase: BrainPhase, messages: ChatMessage[], stop: string[]): Promise<string> => {
    for (;;) {
      const step = phase === "plan" ? 0 : budget.steps;
      const out = deltaEmitter(emit, { step, phase });
      let text = "";
      try {
        for await (const delta of brain.next({
          phase,
          messages,
          stop,
          signal: budget.signal,
          context: {
            goal,
            step,
            maxSteps: budgets.maxSteps,
            plan: plan ?? undefined,
            toolNames,
            lastStep,
            placed: [...bridge.placed],
          },
          onRestart: () => {
            text = "";
            out.reset();
          },
        })) {
          text += delta;
          out.push(delta);
        }
        out.flush();
        return text;
      } catch (error) {
        out.flush();
        if (budget.signal.aborted) throw error;
        const message = error instanceof Error ? error.message : String(error);
        if (!fallback || brain.id === "offline") {
          throw error instanceof BrainError ? error : new BrainError(message, false, { cause: error });
        }
        emit({ type: "error", payload: { step, phase, message: truncateMiddle(message, 600), fallback: "offline" } });
        brain = createOfflineBrain({ maxExhibits });
        brainLabel = `${brainLabel} → offline`;
      }
    }
  };

  try {
    // ── Plan ──────────────────────────────────────────────────────────────────────────────────────
    const planMessages: ChatMessage[] = [
      { role: "system", content: planSystemPrompt(maxExhibits) },
      { role: "user", content: planUserMessage(goal) },
    ];
    const first = await generate("plan", planMessages, []);
    let parsed = parsePlan(first);
    if (!parsed.ok && !budget.signal.aborted) {
      // One more chance, with the exact validation error.
      const retryMessages: ChatMessage[] = [
        ...planMessages,
        { role: "assistant", content: first },
        { role: "user", content: planRetryMessage(parsed.error) },
      ];
      parsed = parsePlan(await generate("plan", retryMessages, []));
    }
    if (parsed.ok) {
      plan = capPlan(parsed.plan, maxExhibits);
    } else {
      emit({ type: "error", payload: { step: 0, phase: "plan", message: `The model's plan was unusable (${truncateMiddle(parsed.error, 400)}); using the offline planner.` } });
      plan = planOffline(goal, maxExhibits);
    }
    emit({ type: "plan", payload: { plan, brain: brain.id } });
    plan.exhibits.forEach((exhibit, order) => emit({ type: "exhibit.planned", payload: { ...exhibit, order } }));

    // ── Steps ─────────────────────────────────────────────────────────────────────────────────────
    session = new SandboxSession(bridge.hostTools, options.sandboxLimits);
    const setup = await session.run(`var plan = ${JSON.stringify(plan)};`);
    if (!setup.ok) throw new Error(`Could not load the plan into the sandbox: ${setup.error}`);
    const memory = new AgentMemory(stepSystemPrompt({ tools: bridge.visibleTools, plan, budgets: budget.budgets }), taskMessage(goal, plan));

    for (;;) {
      if (bridge.finalAnswer) {
        stopReason = "final_answer";
        break;
      }
      stopReason = budget.stopReason();
      if (stopReason) break;
      if (budget.steps >= budget.budgets.maxSteps) {
        stopReason = "max_steps";
        break;
      }
      if (budget.toolCallsExhausted && budget.refusedToolCalls > 0) {
        stopReason = "max_tool_calls";
        break;
      }
      budget.steps++;
      const step = budget.steps;
      const callsBefore = budget.toolCalls;
      emit({ type: "step.started", payload: { step, maxSteps: budget.budgets.maxSteps } });

      const reply = await generate("step", memory.messages(), STEP_STOP_SEQUENCES);
      // The stop sequence eats "</code>"; put it back so the replayed history is well-formed.
      const recorded = /<code>/i.test(reply) && !/<\/code>/i.test(reply) ? `${reply.trimEnd()}\n</code>` : reply;
      const parsedReply = parseCodeBlock(reply);
      if (!parsedReply) {
        const observation = noCodeObservation(reply, budget.status());
        emit({ type: "observation", payload: { step, ok: false, error: "The reply contained no code block.", text: observation } });
        memory.add({ step, reply: recorded, observation });
        lastStep = { step, ok: false, error: "no code block", noCode: true };
        continue;
      }
      emit({ type: "code", payload: { step, code: parsedReply.code } });
      const result = await session.run(parsedReply.code, {
        signal: budget.signal,
        timeoutMs: Math.max(1, budget.remainingMs),
      });
      const observation = formatObservation({
        logs: result.logs,
        value: result.value,
        error: result.error,
        limit: result.limit,
        reset: result.reset,
        lateToolCalls: result.lateToolCalls,
        budgetStatus: budget.status(),
      });
      emit({
        type: "observation",
        payload: {
          step,
          ok: result.ok,
          logs: result.logs,
          value: result.value ?? null,
          error: result.error ?? null,
          limit: result.limit ?? null,
          sandboxReset: result.reset ?? null,
          durationMs: result.durationMs,
          cpuMs: result.cpuMs,
          toolCalls: budget.toolCalls - callsBefore,
          text: observation,
        },
      });
      memory.add({ step, reply: recorded, observation });
      lastStep = { step, ok: result.ok, error: result.error };
    }

    // ── A best answer when the run was cut short but the model can still speak ───────────────────
    if ((stopReason === "max_steps" || stopReason === "max_tool_calls") && !bridge.finalAnswer && !budget.signal.aborted) {
      const reason =
        stopReason === "max_steps"
          ? `The step budget (${budget.budgets.maxSteps} steps) is used up.`
          : `The tool-call budget (${budget.budgets.maxToolCalls} calls) is used up.`;
      try {
        const text = await generate("final", memory.messages(finalAnswerRequest(reason)), ["<code>", "```"]);
        lateSummary = text.replace(/^\s*(final answer|summary)\s*:\s*/i, "").trim() || null;
      } catch {
        lateSummary = null;
      }
    }
  } catch (error) {
    if (budget.signal.aborted) {
      stopReason = budget.stopReason();
    } else if (error instanceof BrainError) {
      stopReason = "brain_error";
      emit({ type: "error", payload: { message: truncateMiddle(error.message, 600) } });
    } else {
      throw error;
    }
  } finally {
    session?.dispose();
    budget.dispose();
  }

  const finalReason: StopReason = stopReason ?? budget.stopReason() ?? "aborted";
  const placed = plan ? plan.exhibits.filter((e) => bridge.placed.has(e.key)).map((e) => e.key) : [];
  const unplaced = plan ? plan.exhibits.filter((e) => !bridge.placed.has(e.key)).map((e) => e.key) : [];
  const fallbackSummary = progressSummary(plan?.exhibits ?? [], placed);
  const cut: Partial<Record<StopReason, string>> = {
    wall_clock: "The build ran out of time.",
    aborted: "The build was stopped.",
    brain_error: "The agent's model could not be reached.",
  };
  const summary =
    bridge.finalAnswer?.summary ?? lateSummary ?? [cut[finalReason], fallbackSummary].filter(Boolean).join(" ");
  const result: AgentResult = {
    answered: bridge.finalAnswer !== null,
    stopReason: finalReason,
    summary: truncateMiddle(summary, 2_000),
    answer: bridge.finalAnswer?.raw ?? null,
    plan,
    placed,
    unplaced,
    steps: budget.steps,
    toolCalls: budget.toolCalls,
    durationMs: budget.elapsedMs,
    brain: brainLabel,
    sandboxResets: Math.max(0, (session?.instances ?? 1) - 1),
  };
  emit({
    type: "final",
    payload: {
      summary: result.summary,
      answered: result.answered,
      stopReason: result.stopReason,
      placed,
      unplaced,
      steps: result.steps,
      toolCalls: result.toolCalls,
      durationMs: result.durationMs,
      brain: result.brain,
    },
  });
  return result;
}
