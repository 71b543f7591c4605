import "server-only";
import type { Db } from "@/lib/db/connection";
import { appendCheckedEvents, MAX_EVENTS_PER_APPEND } from "@/lib/db/events";
import { emittedEventSchema, type BuildEvent, type EmittedEvent, type Emit } from "@/lib/contracts/build-events";
import { publish } from "./bus";

export interface Recorder {
  /** Checks the event now (a producer that breaks the contract fails at its call), then stores and publishes it. */
  emit: Emit;
  /** Resolves once every event emitted so far is stored and published (rejects with the first write that failed). */
  flush(): Promise<void>;
}

interface Pending {
  event: EmittedEvent;
  at: string;
}

/**
 * Persists each event with the build's next seq, then hands it to the gallery's live watchers. Producers emit
 * synchronously (the agent, the toolbox), while the database is asynchronous: one writer per recorder drains
 * what has been emitted, in order, so events are stored, numbered and published in the order they were emitted.
 * What piles up during a write (an agent's streamed thought comes token by token) goes in the next write, all at
 * once: one transaction for the lot instead of one each, so a tab on another node is not kept waiting behind a
 * queue of single writes. Each event is stamped when it is emitted, not when its write runs: under load the
 * writes lag, and an event's time must still say when it happened (the build log's clock, time spent in runs,
 * and the order of calls across workers read it). `db`: the process's database unless given (a benchmark's own).
 */
export function createRecorder(buildId: string, galleryId: string, db?: Db): Recorder {
  const pending: Pending[] = [];
  let writing: Promise<void> | null = null;
  let failure: unknown = null;

  const stored = (events: BuildEvent[]) => {
    for (const event of events) publish(galleryId, { type: "event", event });
  };
  const lost = (batch: Pending[], err: unknown) => {
    // A lost write must not stop the build (the database refused it, or is gone for now: writing the events one
    // by one would fail the same way); the first failure is reported by flush().
    failure ??= err;
    const types = [...new Set(batch.map((p) => p.event.type))].join(", ");
    console.error(`vernissage: could not record ${batch.length === 1 ? "a" : batch.length} ${types} event${batch.length === 1 ? "" : "s"} of build ${buildId}`, err);
  };

  const drain = async (): Promise<void> => {
    for (;;) {
      const batch = pending.splice(0, MAX_EVENTS_PER_APPEND);
      if (batch.length === 0) {
        writing = null; // in the same turn as the check: an emit after this starts a new writer
        return;
      }
      try {
        stored(await appendCheckedEvents(buildId, batch, db));
      } catch (err) {
        lost(batch, err);
      }
    }
  };

  const emit: Emit = (event) => {
    const checked = emittedEventSchema.parse(event);
    pending.push({ event: checked, at: new Date().toISOString() });
    writing ??= drain();
  };
  return {
    emit,
    async flush() {
      while (writing) await writing;
      if (failure) {
        const err = failure;
        failure = null;
        throw err;
      }
    },
  };
}
