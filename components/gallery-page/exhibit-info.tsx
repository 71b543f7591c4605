"use client";

import type { ExhibitView } from "@/lib/contracts/gallery-view";
import { ExhibitPicture } from "./exhibit-picture";
import { provenanceText } from "./provenance-text";
import { statusLabel } from "./status-label";
import styles from "./gallery-page.module.css";

export function ExhibitInfo({ exhibit, onClose }: { exhibit: ExhibitView; onClose(): void }) {
  return (
    <section className={`${styles.section} ${styles.info}`} aria-labelledby="info-heading">
      <div className={styles.infoHead}>
        <h2 id="info-heading" className={styles.heading}>
          {exhibit.title}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close exhibit details">
          ✕
        </button>
      </div>
      {exhibit.imageUrl ? <ExhibitPicture exhibit={exhibit} className={styles.picture} /> : null}
      <p>{exhibit.description}</p>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>{exhibit.status === "failed" && exhibit.error ? `Failed: ${exhibit.error}` : statusLabel[exhibit.status]}</dd>
        <dt>Prompt</dt>
        <dd>{exhibit.prompt}</dd>
        <dt>Seed</dt>
        <dd>{exhibit.seed}</dd>
        <dt>Version</dt>
        <dd>
          {exhibit.version} of {Math.max(exhibit.versions.length, exhibit.version)}
        </dd>
      </dl>
      {exhibit.provenance.length ? (
        <>
          <h3 className={styles.subheading}>Made by</h3>
          <ul className={styles.provenance}>
            {exhibit.provenance.map((call, i) => (
              <li key={i}>
                {call.capability === "upload" ? provenanceText(call) : (
                  <>
                    <strong>{call.space}</strong> {provenanceText(call).slice(call.space.length + 1)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className={styles.links}>
        {exhibit.imageUrl ? (
          <a href={exhibit.imageUrl} target="_blank" rel="noreferrer">
            Picture
          </a>
        ) : null}
        {exhibit.originalModelUrl ? (
          <a href={exhibit.originalModelUrl} download={`${exhibit.title}.glb`}>
            Download original model
          </a>
        ) : null}
      </p>
    </section>
  );
}
