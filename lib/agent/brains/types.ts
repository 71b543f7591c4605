// One interface for whatever writes the agent's messages: a hosted LLM, a local OpenAI-compatible server,
// or the deterministic offline planner. The loop never knows which.
import type { AgentPlan } from "@/lib/contracts/agent-plan";
import type { BrainPhase } from "@/lib/contracts/build-events";

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** What happened in the last step, for brains that do not read prose. */
export interface LastStepView {
  step: number;
  ok: boolean;
  error?: string;
  /** Whether the code never ran because the reply had no code block. */
  noCode?: boolean;
}

export interface BrainRequest {
  /** plan: write the plan JSON · step: write Thought + one code block · final: write a plain-text summary. */
  phase: BrainPhase;
  /** The conversation so far; the next message is the brain's. */
  messages: ChatMessage[];
  stop?: string[];
  signal: AbortSignal;
  /**
   * The same state in structured form. LLM brains read `messages`; the offline planner reads this.
   */
  context: {
    goal: string;
    /** 1-based; 0 during planning. */
    step: number;
    maxSteps: number;
    plan?: AgentPlan;
    toolNames: string[];
    lastStep?: LastStepView;
    /** Exhibit keys placed so far. */
    placed: string[];
    /** Why a "final" phase was requested. */
    reason?: string;
  };
  /**
   * Called when a stream that already produced text has to start over (a dropped connection retried from
   * the top): whatever was received for this message so far must be discarded.
   */
  onRestart?: () => void;
}

export interface Brain {
  /** e.g. "llm:Qwen/Qwen2.5-Coder-32B-Instruct", "llm:http://127.0.0.1:8080", "offline". */
  readonly id: string;
  /** The next model message, as a stream of text deltas. Throws when the brain cannot answer at all. */
  next(request: BrainRequest): AsyncIterable<string>;
}

export class BrainError extends Error {
  override name = "BrainError";
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
