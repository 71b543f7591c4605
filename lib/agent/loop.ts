import "server-only";
import type { BrainPhase, Emit, StopReason } from "@/lib/contracts/build-events";
import { createOfflineBrain, progressSummary } from "./brains/offline-brain";
import { planOffline } from "./brains/offline-planner";
import { BrainError, type Brain, type ChatMessage, type LastStepView } from "./brains/types";
import { BudgetTracker, withDefaultBudgets, type AgentBudgets } from "./budgets";
import { deltaEmitter } from "./deltas";
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
import { createToolBridge, type ToolBridge } from "./tool-bridge";
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

export async function runAgent(options: RunAgentOptions): Promise<AgentResult> {
  const run = new AgentRun(options);
  let stopReason: StopReason | null = null;
  let lateSummary: string | null = null;
  try {
    const plan = await run.makePlan();
    const steps = await run.openSandbox(plan);
    stopReason = await run.runSteps(steps);
    lateSummary = await run.askForLateSummary(stopReason, steps);
  } catch (error) {
    stopReason = run.stopReasonAfter(error);
  } finally {
    run.dispose();
  }
  return run.finish(stopReason, lateSummary);
}

/** What a run cut short says before its progress, by why it stopped. */
const CUT_SHORT: Partial<Record<StopReason, string>> = {
  wall_clock: "The build ran out of time.",
  aborted: "The build was stopped.",
  brain_error: "The agent's model could not be reached.",
};

/** The step conversation: the sandbox its code runs in and the history the model reads. */
interface Steps {
  session: SandboxSession;
  memory: AgentMemory;
}

/** One run of the agent: its budgets, tools, brain and sandbox, and what it has done so far. */
class AgentRun {
  private readonly goal: string;
  private readonly emit: Emit;
  /** The budgets as asked for; `budget` holds them as enforced (whole numbers, at least one step). */
  private readonly budgets: AgentBudgets;
  private readonly budget: BudgetTracker;
  private readonly bridge: ToolBridge;
  private readonly toolNames: string[];
  private readonly maxExhibits: number;
  private readonly fallback: boolean;
  private brain: Brain;
  private brainLabel: string;
  private plan: AgentPlan | null = null;
  private lastStep: LastStepView | undefined;
  private session: SandboxSession | null = null;

  constructor(private readonly options: RunAgentOptions) {
    this.goal = options.goal;
    this.emit = options.emit;
    this.budgets = withDefaultBudgets(options.budgets);
    this.budget = new BudgetTracker(this.budgets, options.signal);
    this.maxExhibits = Math.min(MAX_EXHIBITS, Math.max(1, options.maxExhibits ?? MAX_EXHIBITS));
    this.brain = options.brain;
    this.brainLabel = options.brain.id;
    this.fallback = options.fallbackToOffline ?? true;
    this.bridge = createToolBridge({ tools: options.tools, budget: this.budget, emit: this.emit, currentStep: () => this.budget.steps });
    this.toolNames = this.bridge.visibleTools.map((t) => t.name);
  }

  /** One model message, streamed to the build log; switches to the offline brain if the model is unreachable. */
  private async generate(phase: BrainPhase, messages: ChatMessage[], stop: string[]): Promise<string> {
    for (;;) {
      const step = phase === "plan" ? 0 : this.budget.steps;
      try {
        return await this.stream(phase, step, messages, stop);
      } catch (error) {
        this.fallBackToOffline(error, phase, step);
      }
    }
  }

  /** Streams the brain's next message into thought.delta events and returns it whole. */
  private async stream(phase: BrainPhase, step: number, messages: ChatMessage[], stop: string[]): Promise<string> {
    const out = deltaEmitter(this.emit, { step, phase });
    let text = "";
    try {
      for await (const delta of this.brain.next({
        phase,
        messages,
        stop,
        signal: this.budget.signal,
        context: {
          goal: this.goal,
          step,
          maxSteps: this.budgets.maxSteps,
          plan: this.plan ?? undefined,
          toolNames: this.toolNames,
          lastStep: this.lastStep,
          placed: [...this.bridge.placed],
        },
        onRestart: () => {
          text = "";
          out.reset();
        },
      })) {
        text += delta;
        out.push(delta);
      }
      return text;
    } finally {
      out.flush();
    }
  }

  /** After a brain failure: hands over to the offline brain, or rethrows when that is not possible. */
  private fallBackToOffline(error: unknown, phase: BrainPhase, step: number): void {
    if (this.budget.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (!this.fallback || this.brain.id === "offline") {
      throw error instanceof BrainError ? error : new BrainError(message, false, { cause: error });
    }
    this.emit({ type: "error", payload: { step, phase, message: truncateMiddle(message, 600), fallback: "offline" } });
    this.brain = createOfflineBrain({ maxExhibits: this.maxExhibits });
    this.brainLabel = `${this.brainLabel} → offline`;
  }

  /** The model's plan (one retry with the exact validation error), else the offline planner's; announced. */
  async makePlan(): Promise<AgentPlan> {
    const planMessages: ChatMessage[] = [
      { role: "system", content: planSystemPrompt(this.maxExhibits) },
      { role: "user", content: planUserMessage(this.goal) },
    ];
    const first = await this.generate("plan", planMessages, []);
    let parsed = parsePlan(first);
    if (!parsed.ok && !this.budget.signal.aborted) {
      const retryMessages: ChatMessage[] = [
        ...planMessages,
        { role: "assistant", content: first },
        { role: "user", content: planRetryMessage(parsed.error) },
      ];
      parsed = parsePlan(await this.generate("plan", retryMessages, []));
    }
    let plan: AgentPlan;
    if (parsed.ok) {
      plan = capPlan(parsed.plan, this.maxExhibits);
    } else {
      const message = `The model's plan was unusable (${truncateMiddle(parsed.error, 400)}); using the offline planner.`;
      this.emit({ type: "error", payload: { step: 0, phase: "plan", message } });
      plan = planOffline(this.goal, this.maxExhibits);
    }
    this.plan = plan;
    this.emit({ type: "plan", payload: { plan, brain: this.brain.id } });
    plan.exhibits.forEach((exhibit, order) => this.emit({ type: "exhibit.planned", payload: { ...exhibit, order } }));
    return plan;
  }

  /** A sandbox with the plan loaded as `plan`, and the step conversation's memory. */
  async openSandbox(plan: AgentPlan): Promise<Steps> {
    const session = new SandboxSession(this.bridge.hostTools, this.options.sandboxLimits);
    this.session = session;
    const setup = await session.run(`var plan = ${JSON.stringify(plan)};`);
    if (!setup.ok) throw new Error(`Could not load the plan into the sandbox: ${setup.error}`);
    const system = stepSystemPrompt({ tools: this.bridge.visibleTools, plan, budgets: this.budget.budgets });
    return { session, memory: new AgentMemory(system, taskMessage(this.goal, plan)) };
  }

  /** Thought + code steps until final_answer or a budget ends them; returns why they ended. */
  async runSteps(steps: Steps): Promise<StopReason> {
    for (;;) {
      const stopReason = this.stopReasonBeforeStep();
      if (stopReason) return stopReason;
      await this.runStep(steps);
    }
  }

  /** Why no further step may run, or null. */
  private stopReasonBeforeStep(): StopReason | null {
    const { budget } = this;
    if (this.bridge.finalAnswer) return "final_answer";
    const stopped = budget.stopReason();
    if (stopped) return stopped;
    if (budget.steps >= budget.budgets.maxSteps) return "max_steps";
    if (budget.toolCallsExhausted && budget.refusedToolCalls > 0) return "max_tool_calls";
    return null;
  }

  /** One step: the model's reply, its code run in the sandbox, and the observation it reads next. */
  private async runStep({ session, memory }: Steps): Promise<void> {
    const { budget, emit } = this;
    const step = ++budget.steps;
    const callsBefore = budget.toolCalls;
    emit({ type: "step.started", payload: { step, maxSteps: budget.budgets.maxSteps } });

    const reply = await this.generate("step", memory.messages(), STEP_STOP_SEQUENCES);
    // The stop sequence eats "</code>"; put it back so the replayed history is well-formed.
    const recorded = /<code>/i.test(reply) && !/<\/code>/i.test(reply) ? `${reply.trimEnd()}\n</code>` : reply;
    const parsedReply = parseCodeBlock(reply);
    if (!parsedReply) {
      const observation = noCodeObservation(reply, budget.status());
      emit({ type: "observation", payload: { step, ok: false, error: "The reply contained no code block.", text: observation } });
      memory.add({ step, reply: recorded, observation });
      this.lastStep = { step, ok: false, error: "no code block", noCode: true };
      return;
    }
    emit({ type: "code", payload: { step, code: parsedReply.code } });
    const result = await session.run(parsedReply.code, { signal: budget.signal, timeoutMs: Math.max(1, budget.remainingMs) });
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
    this.lastStep = { step, ok: result.ok, error: result.error };
  }

  /** A best answer when the steps or tool calls ran out but the model can still speak; null otherwise. */
  async askForLateSummary(stopReason: StopReason, { memory }: Steps): Promise<string | null> {
    if ((stopReason !== "max_steps" && stopReason !== "max_tool_calls") || this.bridge.finalAnswer || this.budget.signal.aborted) return null;
    const reason =
      stopReason === "max_steps"
        ? `The step budget (${this.budget.budgets.maxSteps} steps) is used up.`
        : `The tool-call budget (${this.budget.budgets.maxToolCalls} calls) is used up.`;
    try {
      const text = await this.generate("final", memory.messages(finalAnswerRequest(reason)), ["<code>", "```"]);
      return text.replace(/^\s*(final answer|summary)\s*:\s*/i, "").trim() || null;
    } catch {
      return null;
    }
  }

  /** Why a run that threw has stopped: the budget's reason when it was stopped, brain_error; anything else is rethrown. */
  stopReasonAfter(error: unknown): StopReason | null {
    if (this.budget.signal.aborted) return this.budget.stopReason();
    if (error instanceof BrainError) {
      this.emit({ type: "error", payload: { message: truncateMiddle(error.message, 600) } });
      return "brain_error";
    }
    throw error;
  }

  dispose(): void {
    this.session?.dispose();
    this.budget.dispose();
  }

  /** The run's result, announced as the final event. */
  finish(stopReason: StopReason | null, lateSummary: string | null): AgentResult {
    const { bridge, budget, plan } = this;
    const finalReason: StopReason = stopReason ?? budget.stopReason() ?? "aborted";
    const placed = plan ? plan.exhibits.filter((e) => bridge.placed.has(e.key)).map((e) => e.key) : [];
    const unplaced = plan ? plan.exhibits.filter((e) => !bridge.placed.has(e.key)).map((e) => e.key) : [];
    const fallbackSummary = progressSummary(plan?.exhibits ?? [], placed);
    const summary = bridge.finalAnswer?.summary ?? lateSummary ?? [CUT_SHORT[finalReason], fallbackSummary].filter(Boolean).join(" ");
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
      brain: this.brainLabel,
      sandboxResets: Math.max(0, (this.session?.instances ?? 1) - 1),
    };
    this.emit({
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
}
