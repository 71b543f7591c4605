"use client";

import { useId, useState } from "react";
import styles from "./gallery-page.module.css";

interface Props {
  galleryId: string;
  viewUrl: string;
  /** The view link that opens straight into the guided tour. */
  tourUrl: string;
  /** The <iframe> snippet of the embed page (/g/{id}/embed), written by the server (lib/exports/oembed.ts). */
  embedSnippet: string;
  /** Fetched on demand: only the owner's browser can get it (the token lives in an httpOnly cookie). */
  loadEditUrl: (() => Promise<string>) | null;
}

function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <div className={styles.row}>
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

export function SharePanel({ galleryId, viewUrl, tourUrl, embedSnippet, loadEditUrl }: Props) {
  const [open, setOpen] = useState(false);
  const [editUrl, setEditUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (next && loadEditUrl && !editUrl) {
      try {
        setEditUrl(await loadEditUrl());
        setError(null);
      } catch (err) {
        setError(err instanceof Error ? err.message : "Could not load the edit link.");
      }
    }
  }

  return (
    <div className={styles.share}>
      <button type="button" onClick={toggle} aria-expanded={open} aria-controls={panelId}>
        Share
      </button>
      {open ? (
        <div id={panelId} className={styles.sharePanel}>
          <CopyField label="View link" value={viewUrl} />
          <CopyField label="Tour link" value={tourUrl} />
          <CopyField label="Embed" value={embedSnippet} />
          <p className={styles.links}>
            <a href={`/api/galleries/${galleryId}/export.zip`} download>
              Download gallery
            </a>
            <a href={`/api/galleries/${galleryId}/export.glb`} download>
              Download as one model
            </a>
          </p>
          {loadEditUrl ? (
            <>
              {editUrl ? <CopyField label="Edit link" value={editUrl} /> : null}
              <p className={styles.dim}>Anyone with the edit link can change this gallery. Share the view link otherwise.</p>
            </>
          ) : null}
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
