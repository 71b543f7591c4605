// The conversation of the step phase. Replaying every observation in full on every request makes the token
// cost grow with the square of the run length (a smolagents complaint); here only the latest few steps are
// replayed verbatim and older ones are shortened, since the variables they produced persist in the sandbox.
import type { ChatMessage } from "./brains/types";
import { shortenObservation } from "./prompt";
import { truncateMiddle } from "./truncate";

export interface StepRecord {
  step: number;
  /** The model's reply, as streamed (the code block included). */
  reply: string;
  /** The observation text sent back. */
  observation: string;
}

export interface MemoryOptions {
  /** Steps replayed verbatim. */
  keepRecent: number;
  /** Older replies are cut to this many characters (their code is still the best record of what ran). */
  oldReplyChars: number;
  oldObservationChars: number;
}

const DEFAULTS: MemoryOptions = { keepRecent: 3, oldReplyChars: 1_500, oldObservationChars: 400 };

export class AgentMemory {
  readonly steps: StepRecord[] = [];
  private readonly options: MemoryOptions;

  constructor(
    private readonly system: string,
    private readonly task: string,
    options: Partial<MemoryOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  add(record: StepRecord): void {
    this.steps.push(record);
  }

  /** Messages for the next request, optionally ending with an extra user message. */
  messages(extraUser?: string): ChatMessage[] {
    const { keepRecent, oldReplyChars, oldObservationChars } = this.options;
    const messages: ChatMessage[] = [
      { role: "system", content: this.system },
      { role: "user", content: this.task },
    ];
    const firstRecent = Math.max(0, this.steps.length - keepRecent);
    this.steps.forEach((s, i) => {
      const recent = i >= firstRecent;
      messages.push({ role: "assistant", content: recent ? s.reply : truncateMiddle(s.reply, oldReplyChars) });
      messages.push({
        role: "user",
        content: recent ? s.observation : `(step ${s.step}, shortened) ${shortenObservation(s.observation, oldObservationChars)}`,
      });
    });
    if (extraUser) messages.push({ role: "user", content: extraUser });
    return messages;
  }
}
