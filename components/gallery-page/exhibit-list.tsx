"use client";

import type { ExhibitView } from "@/lib/contracts/gallery-view";
import { ExhibitPicture } from "./exhibit-picture";
import { statusLabel } from "./status-label";
import styles from "./gallery-page.module.css";

export interface ExhibitActions {
  onRegenerate(exhibit: ExhibitView): void;
  onSwap(exhibit: ExhibitView): void;
  onMove(exhibit: ExhibitView): void;
  onRetry(exhibit: ExhibitView): void;
  onShift(exhibit: ExhibitView, delta: -1 | 1): void;
}

interface Props {
  exhibits: ExhibitView[];
  selectedId: string | null;
  movingId: string | null;
  isOwner: boolean;
  busyIds: ReadonlySet<string>;
  errors: Record<string, string>;
  onSelect(id: string): void;
  actions: ExhibitActions;
}

export function ExhibitList({ exhibits, selectedId, movingId, isOwner, busyIds, errors, onSelect, actions }: Props) {
  return (
    <section className={styles.section} aria-labelledby="exhibits-heading">
      <h2 id="exhibits-heading" className={styles.heading}>
        Exhibits
      </h2>
      {exhibits.length === 0 ? <p className={styles.dim}>The agent is planning the exhibits…</p> : null}
      <ul aria-label="Exhibits" className={styles.exhibitList}>
        {exhibits.map((exhibit, index) => {
          const busy = busyIds.has(exhibit.id) || exhibit.status === "drawing" || exhibit.status === "modelling";
          const error = errors[exhibit.id];
          return (
            <li
              key={exhibit.id}
              className={`${styles.exhibit} ${selectedId === exhibit.id ? styles.selected : ""}`}
              data-status={exhibit.status}
            >
              <button type="button" className={styles.exhibitTitle} onClick={() => onSelect(exhibit.id)} aria-pressed={selectedId === exhibit.id}>
                {exhibit.title}
              </button>
              <span className={styles.badge} data-status={exhibit.status}>
                {statusLabel[exhibit.status]}
              </span>
              {exhibit.status === "failed" && exhibit.error ? <p className={`${styles.reason} error-text`}>{exhibit.error}</p> : null}
              {/* A failed exhibit has no model in the hall: its picture (when one was drawn) is what there is to see. */}
              {exhibit.status === "failed" && exhibit.imageUrl ? <ExhibitPicture exhibit={exhibit} className={styles.thumb} /> : null}
              {error ? (
                <p className={`${styles.reason} error-text`} role="alert">
                  {error}
                </p>
              ) : null}
              {isOwner ? (
                <div className={styles.exhibitActions}>
                  {exhibit.status === "failed" ? (
                    <button type="button" onClick={() => actions.onRetry(exhibit)} disabled={busyIds.has(exhibit.id)}>
                      Retry
                    </button>
                  ) : null}
                  <button type="button" onClick={() => actions.onRegenerate(exhibit)} disabled={busy}>
                    Regenerate
                  </button>
                  <button type="button" onClick={() => actions.onSwap(exhibit)} disabled={busy}>
                    Swap
                  </button>
                  <button
                    type="button"
                    onClick={() => actions.onMove(exhibit)}
                    aria-pressed={movingId === exhibit.id}
                    disabled={exhibit.status !== "ready"}
                  >
                    Move
                  </button>
                  <button type="button" aria-label={`Earlier in the hall: ${exhibit.title}`} onClick={() => actions.onShift(exhibit, -1)} disabled={index === 0}>
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Later in the hall: ${exhibit.title}`}
                    onClick={() => actions.onShift(exhibit, 1)}
                    disabled={index === exhibits.length - 1}
                  >
                    ↓
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
