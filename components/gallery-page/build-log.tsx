"use client";

import { useEffect, useRef } from "react";
import type { BuildLog, CallEntry, LogEntry } from "@/lib/live/build-log";
import styles from "./gallery-page.module.css";

function seconds(ms: number | null): string {
  return ms === null ? "" : `${(ms / 1000).toFixed(1)} s`;
}

function CallRow({ call, titles }: { call: CallEntry; titles: Record<string, string> }) {
  const label = `${call.tool}${call.exhibit ? ` · ${titles[call.exhibit] ?? call.exhibit}` : ""}`;
  let state: string;
  switch (call.status) {
    case "queued":
      state = call.queuePosition !== null ? `queued (#${call.queuePosition}${call.queueSize ? ` of ${call.queueSize}` : ""})` : "queued";
      break;
    case "running":
      state = call.queuePosition ? `in queue #${call.queuePosition}` : call.progressText ?? "running";
      break;
    case "retrying":
      state = `retrying (attempt ${call.attempts})`;
      break;
    case "done":
      state = call.cached ? "done (cached)" : `done in ${seconds(call.durationMs)}`;
      break;
    case "failed":
      state = `failed: ${call.error ?? "unknown error"}`;
      break;
  }
  const value = call.status === "done" ? 1 : call.progress;
  return (
    <div className={styles.call} data-status={call.status}>
      <div className={styles.callHead}>
        <span className={styles.callName}>{label}</span>
        {call.space ? <span className={styles.dim}> on {call.space}</span> : null}
      </div>
      <div
        className={styles.progress}
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : Math.round(value * 100)}
        data-indeterminate={value === null && call.status !== "failed" ? "" : undefined}
      >
        <div className={styles.progressFill} style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </div>
      <div className={call.status === "failed" ? "error-text" : styles.dim}>{state}</div>
      {call.notes.map((note, i) => (
        <div key={i} className={styles.note}>
          {note}
        </div>
      ))}
    </div>
  );
}

function Entry({ entry, titles }: { entry: LogEntry; titles: Record<string, string> }) {
  switch (entry.kind) {
    case "call":
      return <CallRow call={entry} titles={titles} />;
    case "code":
      return (
        <details className={styles.code}>
          <summary>Code</summary>
          <pre>{entry.text}</pre>
        </details>
      );
    case "thought":
      return <p className={styles.thought}>{entry.text}</p>;
    case "observation":
      return (
        <details className={styles.code}>
          <summary>Observation</summary>
          <pre>{entry.text}</pre>
        </details>
      );
    case "step":
      return <p className={styles.step}>{entry.text}</p>;
    case "error":
      return <p className="error-text">{entry.text}</p>;
    default:
      return <p className={entry.kind === "plan" || entry.kind === "final" ? styles.strong : undefined}>{entry.text}</p>;
  }
}

/** `titles` maps exhibit keys (as build events name them) to their titles. */
export function BuildLogPanel({ log, titles }: { log: BuildLog; titles: Record<string, string> }) {
  const box = useRef<HTMLDivElement>(null);
  const count = log.entries.length;
  useEffect(() => {
    // Follow the newest entry inside the log only: scrollIntoView would also scroll the sidebar away from the
    // title, the status and the exhibits.
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);
  return (
    <section className={styles.section} aria-labelledby="log-heading">
      <h2 id="log-heading" className={styles.heading}>
        Build log
      </h2>
      <div role="log" aria-label="Build log" aria-live="polite" className={styles.log} ref={box}>
        {count === 0 ? <p className={styles.dim}>No build activity yet.</p> : null}
        {log.entries.map((entry) => (
          <Entry key={entry.id} entry={entry} titles={titles} />
        ))}
      </div>
    </section>
  );
}
