import "server-only";
import type { SandboxLimits } from "./limits";
import { Sandbox, type HostTool, type RunOptions, type RunResult, type SandboxSnapshot } from "./sandbox";

// The interpreter state of one build, across steps. Variables live in the current instance; after every
// clean step they are also snapshotted host-side, so when an instance has to be dropped (out of memory,
// stack overflow, interrupted, timed out) the next step starts in a fresh one with those variables back.

export interface SessionRunResult extends RunResult {
  /** Set when this step ran in a fresh instance that replaced a dropped one. */
  reset?: { restored: string[]; lost: string[] };
}

export class SandboxSession {
  private current: Sandbox | null = null;
  private snapshot: SandboxSnapshot | null = null;
  private needsRestore = false;
  private disposed = false;
  /** How many instances this session has created (the first one included). */
  instances = 0;

  constructor(
    private readonly tools: Record<string, HostTool>,
    private readonly limits?: Partial<SandboxLimits>,
  ) {}

  async run(code: string, options: RunOptions = {}): Promise<SessionRunResult> {
    if (this.disposed) throw new Error("The sandbox session is closed");
    let reset: SessionRunResult["reset"];
    if (!this.current || this.current.poisoned) {
      this.current?.dispose();
      this.current = await Sandbox.create(this.tools, this.limits);
      this.instances++;
      if (this.needsRestore && this.snapshot) {
        const { restored, failed } = this.current.restore(this.snapshot);
        reset = { restored, lost: [...failed, ...this.snapshot.lost] };
      }
      this.needsRestore = false;
    }
    const sandbox = this.current;
    const result = await sandbox.run(code, options);
    if (result.poisoned) {
      sandbox.dispose();
      this.current = null;
      this.needsRestore = true;
    } else {
      this.snapshot = sandbox.snapshot() ?? this.snapshot;
      if (sandbox.poisoned || sandbox.underMemoryPressure) {
        // Memory that grew close to the cap is not given back; start the next step lean.
        sandbox.dispose();
        this.current = null;
        this.needsRestore = true;
      }
    }
    return reset ? { ...result, reset } : result;
  }

  /** The variables that would be carried over a reset, as last snapshotted. */
  get persisted(): SandboxSnapshot | null {
    return this.snapshot;
  }

  dispose(): void {
    this.disposed = true;
    this.current?.dispose();
    this.current = null;
  }
}
