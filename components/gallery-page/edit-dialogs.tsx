"use client";

import { useId, useState } from "react";
import type { ExhibitView, SpaceOption } from "@/lib/contracts/gallery-view";

export type { SpaceOption };
import styles from "./gallery-page.module.css";

export type SwapChoice =
  | { kind: "image-to-3d" | "text-to-image"; space: string }
  | { kind: "version"; version: number }
  /** The picture made again as the other kind of model. */
  | { kind: "as-kind"; to: "mesh" | "splat" };

export function RegenerateDialog({
  exhibit,
  onSubmit,
  onClose,
}: {
  exhibit: ExhibitView;
  onSubmit(prompt: string): void;
  onClose(): void;
}) {
  const [prompt, setPrompt] = useState(exhibit.prompt);
  const id = useId();
  return (
    <section className={`${styles.section} ${styles.dialog}`} aria-label={`Regenerate ${exhibit.title}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(prompt);
        }}
      >
        <label htmlFor={id}>Prompt</label>
        <textarea id={id} value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={3} maxLength={1000} />
        <p className={styles.dim}>Runs only this exhibit again with a new seed; the current version stays in its history.</p>
        <div className={styles.row}>
          <button type="submit" className="primary" disabled={!prompt.trim()}>
            Regenerate with a new seed
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}

export function SwapDialog({
  exhibit,
  spaces,
  onChoose,
  onClose,
}: {
  exhibit: ExhibitView;
  spaces: { textToImage: SpaceOption[]; imageTo3d: SpaceOption[] };
  onChoose(choice: SwapChoice): void;
  onClose(): void;
}) {
  const usedSpaces = new Set(exhibit.provenance.map((c) => c.space));
  return (
    <section className={`${styles.section} ${styles.dialog}`} aria-label={`Swap ${exhibit.title}`}>
      <h3 className={styles.subheading}>Make it as</h3>
      <ul className={styles.choiceList}>
        <li>
          {exhibit.kind === "splat" ? (
            <button type="button" onClick={() => onChoose({ kind: "as-kind", to: "mesh" })} disabled={!exhibit.imageUrl}>
              As a mesh
            </button>
          ) : (
            <button type="button" onClick={() => onChoose({ kind: "as-kind", to: "splat" })} disabled={!exhibit.imageUrl}>
              As a splat
            </button>
          )}
          <span className={styles.dim}>{exhibit.kind === "splat" ? " a 3D model made from the same picture" : " a photo-real Gaussian splat of the same picture"}</span>
        </li>
      </ul>
      <h3 className={styles.subheading}>Re-model the picture with</h3>
      <ul className={styles.choiceList}>
        {spaces.imageTo3d.map((s) => (
          <li key={s.ref}>
            <button type="button" onClick={() => onChoose({ kind: "image-to-3d", space: s.ref })} disabled={!exhibit.imageUrl}>
              Model with {s.label}
            </button>
            {usedSpaces.has(s.ref) ? <span className={styles.dim}> (used now)</span> : null}
          </li>
        ))}
      </ul>
      <h3 className={styles.subheading}>Redraw the prompt with</h3>
      <ul className={styles.choiceList}>
        {spaces.textToImage.map((s) => (
          <li key={s.ref}>
            <button type="button" onClick={() => onChoose({ kind: "text-to-image", space: s.ref })}>
              Draw with {s.label}
            </button>
          </li>
        ))}
      </ul>
      {exhibit.versions.length > 1 ? (
        <>
          <h3 className={styles.subheading}>Earlier versions</h3>
          <ul className={styles.choiceList}>
            {exhibit.versions.map((v) => (
              <li key={v.version}>
                <button type="button" disabled={v.version === exhibit.version} onClick={() => onChoose({ kind: "version", version: v.version })}>
                  Use version {v.version}
                </button>
                <span className={styles.dim}>
                  {" "}
                  seed {v.seed}
                  {v.version === exhibit.version ? " (current)" : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
