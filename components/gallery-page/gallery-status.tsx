"use client";

import type { GalleryView } from "@/lib/contracts/gallery-view";
import type { BuildLog } from "@/lib/live/build-log";
import styles from "./gallery-page.module.css";

/** One line saying where the build stands, with a progress bar while it runs. */
export function GalleryStatus({ gallery, log }: { gallery: GalleryView; log: BuildLog }) {
  const total = gallery.exhibits.length;
  const ready = gallery.exhibits.filter((e) => e.status === "ready").length;
  const failed = gallery.exhibits.filter((e) => e.status === "failed").length;
  // The live log knows best once it has seen a build (a regeneration starts one); before that, the page's view.
  const status = (log.buildId ? log.status : null) ?? gallery.build?.status ?? "succeeded";
  const running = !log.finished && (status === "running" || status === "queued");

  let text: string;
  let state: string;
  if (running) {
    text = total === 0 ? "Planning the gallery…" : `Building… ${ready} of ${total} exhibits ready`;
    state = "building";
  } else if (status === "cancelled") {
    text = `Build cancelled — ${ready} of ${total} exhibits kept`;
    state = "cancelled";
  } else if (status === "failed" && ready === 0) {
    text = "The build failed — see the build log";
    state = "failed";
  } else if (status === "interrupted") {
    text = "The build was interrupted — it resumes when the server restarts";
    state = "failed";
  } else {
    text = failed > 0 ? `Gallery ready (${failed} exhibit${failed > 1 ? "s" : ""} failed)` : "Gallery ready";
    state = "ready";
  }
  return (
    <div className={styles.status}>
      <p role="status" className={styles.statusText} data-state={state}>
        {text}
      </p>
      {running ? (
        <div
          className={styles.progress}
          role="progressbar"
          aria-label="Build progress"
          aria-valuemin={0}
          aria-valuemax={Math.max(total, 1)}
          aria-valuenow={ready}
          data-indeterminate={total === 0 ? "" : undefined}
        >
          <div className={styles.progressFill} style={{ width: `${total ? Math.round((ready / total) * 100) : 0}%` }} />
        </div>
      ) : null}
    </div>
  );
}
