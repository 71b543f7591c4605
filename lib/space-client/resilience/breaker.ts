import "server-only";
import type { Clock } from "../clock";

// A circuit breaker per Space, so that a dead Space is skipped in microseconds instead of costing every
// exhibit a full timeout plus retries. closed → (N consecutive failures) → open → (cool-down) → half-open:
// one probe call goes through; success closes the circuit, failure opens it again for another cool-down.

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one probe through. */
  coolDownMs: number;
}

export const defaultBreakerOptions: BreakerOptions = { failureThreshold: 3, coolDownMs: 30_000 };

export class CircuitBreaker {
  private state: BreakerState = "closed";
  private failures = 0;
  private openUntil = 0;
  private probeInFlight = false;
  private lastReason = "";

  constructor(
    private readonly clock: Clock,
    private readonly options: BreakerOptions = defaultBreakerOptions,
  ) {}

  /** The state as of now (an open circuit whose cool-down has passed reads as half-open). */
  current(): BreakerState {
    if (this.state === "open" && this.clock.now() >= this.openUntil) return "half-open";
    return this.state;
  }

  /** Why the circuit opened (the last failure), for the fallback message. */
  reason(): string {
    return this.lastReason;
  }

  /** Milliseconds until an open circuit lets a probe through (0 when not open). */
  retryInMs(): number {
    return this.state === "open" ? Math.max(0, this.openUntil - this.clock.now()) : 0;
  }

  /** Whether a call could go through now, without claiming the half-open probe. */
  wouldAllow(): boolean {
    const s = this.current();
    return s === "closed" || (s === "half-open" && !this.probeInFlight);
  }

  /**
   * Claims permission for one call. In half-open only the first caller gets through (the probe); the
   * others are refused until the probe reports back.
   */
  tryAcquire(): boolean {
    const s = this.current();
    if (s === "closed") return true;
    if (s === "open") return false;
    if (this.probeInFlight) return false;
    this.state = "half-open";
    this.probeInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.state = "closed";
    this.failures = 0;
    this.probeInFlight = false;
    this.lastReason = "";
  }

  onFailure(reason: string): void {
    this.lastReason = reason;
    this.failures += 1;
    if (this.state === "half-open" || this.failures >= this.options.failureThreshold) {
      this.openFor(this.options.coolDownMs);
    }
  }

  /** A call that ended without saying anything about the Space (our inputs were bad, the caller aborted). */
  onNeutral(): void {
    if (this.state === "half-open") this.probeInFlight = false;
  }

  /** Opens the circuit at once, e.g. for a ZeroGPU quota that says "try again in 23:14:07". */
  trip(reason: string, forMs: number = this.options.coolDownMs): void {
    this.lastReason = reason;
    this.failures = Math.max(this.failures, this.options.failureThreshold);
    this.openFor(Math.max(forMs, this.options.coolDownMs));
  }

  private openFor(ms: number): void {
    this.state = "open";
    this.probeInFlight = false;
    this.openUntil = this.clock.now() + ms;
  }
}
