"use client";

import { useEffect, useId, useState } from "react";
import { addSpaceTool, listSpaceTools, removeSpaceTool, type ToolSummary } from "@/lib/actions/gallery-edits";
import styles from "./gallery-page.module.css";

/** The owner's toolbox: Spaces added here become functions the agent can call and choices in the swap dialog. */
export function ToolboxPanel({ galleryId, onChange }: { galleryId: string; onChange(): void }) {
  const [tools, setTools] = useState<ToolSummary[]>([]);
  const [ref, setRef] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = useId();

  useEffect(() => {
    let live = true;
    void listSpaceTools(galleryId).then((r) => {
      if (live && r.ok) setTools(r.value);
    });
    return () => {
      live = false;
    };
  }, [galleryId]);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const r = await addSpaceTool(galleryId, ref, null);
    setPending(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setTools((t) => [...t.filter((x) => x.space !== r.value.space), r.value]);
    setRef("");
    onChange();
  }

  async function remove(space: string) {
    const r = await removeSpaceTool(galleryId, space);
    if (r.ok) {
      setTools((t) => t.filter((x) => x.space !== space));
      onChange();
    } else setError(r.error);
  }

  return (
    <section className={styles.section} aria-labelledby="toolbox-heading">
      <h2 id="toolbox-heading" className={styles.heading}>
        Toolbox
      </h2>
      <form onSubmit={add} className={styles.field}>
        <label htmlFor={inputId}>Space id or URL</label>
        <div className={styles.row}>
          <input
            id={inputId}
            type="text"
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            placeholder="owner/space-name"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          <button type="submit" disabled={pending || !ref.trim()} aria-busy={pending}>
            Add Space
          </button>
        </div>
        {error ? (
          <p id={`${inputId}-error`} className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {tools.length ? (
        <ul aria-label="Added Spaces" className={styles.choiceList}>
          {tools.map((t) => (
            <li key={t.space}>
              <details>
                <summary>
                  <strong>{t.space}</strong> <span className={styles.dim}>{t.endpoint}</span>
                </summary>
                <p className={styles.dim}>{t.description}</p>
                <pre className={styles.signature}>{t.signature}</pre>
              </details>
              <button type="button" onClick={() => void remove(t.space)} aria-label={`Remove ${t.space}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.dim}>Add any Gradio Space: the agent can call it, and the swap dialog offers it when it fits.</p>
      )}
    </section>
  );
}
