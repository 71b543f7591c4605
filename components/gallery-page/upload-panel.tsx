"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import styles from "./gallery-page.module.css";

/** What the file input accepts (the server decides by the bytes, not by these). */
export const UPLOAD_ACCEPT = ".png,.jpg,.jpeg,.webp,.glb,.ply,.spz,image/png,image/jpeg,image/webp,model/gltf-binary";

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; name: string; sent: number; total: number }
  | { phase: "processing"; name: string }
  | { phase: "done"; name: string; modelling: boolean }
  | { phase: "refused"; name: string; reason: string };

interface Props {
  galleryId: string;
  /** Drops anywhere on this element add a file too (the whole gallery page). */
  dropTarget: React.RefObject<HTMLElement | null>;
}

/**
 * The owner's own work into the gallery: a file input and drag-and-drop onto the page. The file goes as the raw
 * body of POST /api/galleries/{id}/exhibits through XMLHttpRequest, whose upload events give the progress bar;
 * then the server validates it ("Checking…"); a picture's modelling then shows in the build log like any build,
 * and the new exhibit arrives through the page's live stream. A refusal is explained in an alert.
 */
export function UploadPanel({ galleryId, dropTarget }: Props) {
  const inputId = useId();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const [dragging, setDragging] = useState(false);
  const busy = state.phase === "uploading" || state.phase === "processing";
  // One upload at a time: set when one starts, cleared when it ends (the drop listener reads it, not state).
  const busyRef = useRef(false);

  const send = useCallback(
    (file: File) => {
      if (busyRef.current) return;
      busyRef.current = true;
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/galleries/${encodeURIComponent(galleryId)}/exhibits?name=${encodeURIComponent(file.name)}`);
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.responseType = "json";
      setState({ phase: "uploading", name: file.name, sent: 0, total: file.size });
      xhr.upload.onprogress = (e) => setState({ phase: "uploading", name: file.name, sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
      xhr.upload.onload = () => setState({ phase: "processing", name: file.name });
      xhr.onloadend = () => {
        busyRef.current = false;
      };
      xhr.onload = () => {
        const body = xhr.response as { error?: string; buildId?: string | null } | null;
        if (xhr.status >= 200 && xhr.status < 300) setState({ phase: "done", name: file.name, modelling: Boolean(body?.buildId) });
        else setState({ phase: "refused", name: file.name, reason: body?.error ?? `The server answered ${xhr.status}.` });
      };
      xhr.onerror = () => setState({ phase: "refused", name: file.name, reason: "The upload was interrupted: check the connection and try again." });
      xhr.send(file);
    },
    [galleryId],
  );

  useEffect(() => {
    const target = dropTarget.current;
    if (!target) return;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null || !target.contains(e.relatedTarget as Node)) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) send(file);
    };
    target.addEventListener("dragover", over);
    target.addEventListener("dragleave", leave);
    target.addEventListener("drop", drop);
    return () => {
      target.removeEventListener("dragover", over);
      target.removeEventListener("dragleave", leave);
      target.removeEventListener("drop", drop);
    };
  }, [dropTarget, send]);

  return (
    <section className={styles.section} aria-labelledby={`${inputId}-heading`} data-dragging={dragging || undefined}>
      <h2 id={`${inputId}-heading`} className={styles.heading}>
        Your own work
      </h2>
      <div className={styles.field}>
        <label htmlFor={inputId}>Add your own work</label>
        <input
          id={inputId}
          type="file"
          accept={UPLOAD_ACCEPT}
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) send(file);
          }}
        />
      </div>
      <p className={styles.dim}>{dragging ? "Drop the file to add it." : "A picture (PNG, JPEG, WebP) is turned into a model; a GLB or a Gaussian splat (PLY, SPZ) is placed as it is. Or drop a file onto the page."}</p>
      {state.phase === "uploading" ? (
        <p className={styles.field}>
          <label htmlFor={`${inputId}-progress`}>Uploading {state.name}</label>
          <progress id={`${inputId}-progress`} aria-label="Upload progress" max={Math.max(1, state.total)} value={state.sent} />
        </p>
      ) : null}
      <p role="status" className={styles.dim}>
        {state.phase === "processing"
          ? `Checking ${state.name}…`
          : state.phase === "done"
            ? state.modelling
              ? `${state.name} was added: it is being modelled (see the build log).`
              : `${state.name} was added to the gallery.`
            : ""}
      </p>
      {state.phase === "refused" ? (
        <p className="error-text" role="alert">
          {state.name} was not added: {state.reason}
        </p>
      ) : null}
    </section>
  );
}
