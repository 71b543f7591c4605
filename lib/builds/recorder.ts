import "server-only";
import { getDb } from "@/lib/db/connection";
import { appendCheckedEvent } from "@/lib/db/events";
import { emittedEventSchema, type Emit } from "@/lib/contracts/build-events";
import { publish } from "./bus";

export interface Recorder {
  /** Checks the event now (a producer that breaks the contract fails at its call), then stores and publishes it. */
  emit: Emit;
  /** Resolves once every event emitted so far is stored and published (rejects with the first write that failed). */
  flush(): Promise<void>;
}

/**
 * Persists each event with the build's next seq, then hands it to the gallery's live watchers. Producers emit
 * synchronously (the agent, the toolbox), while the database is asynchronous: the writes form one chain per
 * recorder, so events are stored, numbered and published in the order they were emitted. Each is stamped when it
 * is emitted, not when its turn to be written comes: under load the chain lags, and an event's time must still say
 * when it happened (the build log's clock, time spent in runs, and the order of calls across workers read it).
 */
export function createRecorder(buildId: string, galleryId: string): Recorder {
  let tail: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const emit: Emit = (event) => {
    const checked = emittedEventSchema.parse(event);
    const at = new Date().toISOString();
    tail = tail.then(async () => {
      try {
        const stored = await appendCheckedEvent(buildId, checked, getDb(), at);
        publish(galleryId, { type: "event", event: stored });
      } catch (err) {
        // One lost line of the log must not stop the build; the first failure is reported by flush().
        failure ??= err;
        console.error(`vernissage: could not record a ${checked.type} event of build ${buildId}`, err);
      }
    });
  };
  return {
    emit,
    async flush() {
      await tail;
      if (failure) {
        const err = failure;
        failure = null;
        throw err;
      }
    },
  };
}
