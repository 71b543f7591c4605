// The three budgets of a run and the one signal that ends it: the caller's abort or the wall clock,
// whichever comes first. Tool calls and model requests all listen to `signal`.
import { setMaxListeners } from "node:events";
import type { StopReason } from "@/lib/contracts/build-events";

export interface AgentBudgets {
  maxSteps: number;
  maxToolCalls: number;
  wallClockMs: number;
}

/** A build's budgets unless configured (BUILD_MAX_STEPS, BUILD_MAX_TOOL_CALLS, BUILD_MAX_MINUTES: README). */
export const DEFAULT_BUDGETS: AgentBudgets = { maxSteps: 8, maxToolCalls: 150, wallClockMs: 20 * 60_000 };

/** `budgets` over the defaults; an undefined field (a variable left unset) keeps its default. */
export function withDefaultBudgets(budgets: Partial<AgentBudgets> = {}): AgentBudgets {
  return {
    maxSteps: budgets.maxSteps ?? DEFAULT_BUDGETS.maxSteps,
    maxToolCalls: budgets.maxToolCalls ?? DEFAULT_BUDGETS.maxToolCalls,
    wallClockMs: budgets.wallClockMs ?? DEFAULT_BUDGETS.wallClockMs,
  };
}

export class BudgetExceededError extends Error {
  override name = "BudgetExceededError";
}

export class BudgetTracker {
  readonly budgets: AgentBudgets;
  readonly startedAt = Date.now();
  readonly signal: AbortSignal;
  steps = 0;
  toolCalls = 0;
  /** Tool calls refused because the budget was spent. */
  refusedToolCalls = 0;
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private wallClockHit = false;
  private readonly onExternalAbort: () => void;

  constructor(
    budgets: AgentBudgets,
    private readonly external?: AbortSignal,
  ) {
    this.budgets = {
      maxSteps: Math.max(1, Math.floor(budgets.maxSteps)),
      maxToolCalls: Math.max(0, Math.floor(budgets.maxToolCalls)),
      wallClockMs: Math.max(1, budgets.wallClockMs),
    };
    this.signal = this.controller.signal;
    // Every tool call in flight listens to it (a dozen exhibits' chains at once is normal, not a leak): allow as
    // many listeners as the run may make calls, plus the model request and the sandbox.
    setMaxListeners(this.budgets.maxToolCalls + 10, this.signal);
    this.onExternalAbort = () => this.controller.abort(external?.reason ?? new Error("The build was cancelled."));
    if (external?.aborted) this.onExternalAbort();
    else external?.addEventListener("abort", this.onExternalAbort, { once: true });
    this.timer = setTimeout(() => {
      this.wallClockHit = true;
      this.controller.abort(new BudgetExceededError(`The build's time budget (${Math.round(this.budgets.wallClockMs / 1000)} s) ran out.`));
    }, this.budgets.wallClockMs);
  }

  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  get remainingMs(): number {
    return Math.max(0, this.budgets.wallClockMs - this.elapsedMs);
  }

  /** Why the run must stop now, or null. Steps are checked by the loop, which asks for a last answer. */
  stopReason(): StopReason | null {
    if (this.signal.aborted) return this.wallClockHit ? "wall_clock" : "aborted";
    return null;
  }

  get toolCallsExhausted(): boolean {
    return this.toolCalls >= this.budgets.maxToolCalls;
  }

  /** Counts one tool call, or throws the error the model will read in its observation. */
  chargeToolCall(name: string): void {
    if (this.signal.aborted) throw new Error(`${name} was not called: the build is stopping.`);
    if (this.toolCalls >= this.budgets.maxToolCalls) {
      this.refusedToolCalls++;
      throw new BudgetExceededError(
        `Tool-call budget exhausted: all ${this.budgets.maxToolCalls} tool calls of this build are used, so ${name} was not called. ` +
          `Call final_answer({ summary }) now, describing what was built.`,
      );
    }
    this.toolCalls++;
  }

  /** A one-line status for observations, so the model can pace itself. */
  status(): string {
    return `Budget: step ${this.steps} of ${this.budgets.maxSteps}, ${this.toolCalls} of ${this.budgets.maxToolCalls} tool calls used, ${Math.round(this.remainingMs / 1000)} s left.`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.external?.removeEventListener("abort", this.onExternalAbort);
  }
}
