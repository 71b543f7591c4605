"use client";

import { useEffect, useId, useState } from "react";
import { addSpaceTool, findSpaces, listSpaceTools, removeSpaceTool, type ToolSummary } from "@/lib/actions/gallery-edits";
import styles from "./gallery-page.module.css";

/** The owner's toolbox: Spaces added here become functions the agent can call and choices in the swap dialog. */
/** Said in place of the Hub search when the server has no token. */
const NO_SEARCH = "Searching the Hub for MCP Spaces needs a Hugging Face token on this server; add a Space by id or URL instead.";

export function ToolboxPanel({ galleryId, hubSearch, onChange }: { galleryId: string; hubSearch: boolean; onChange(): void }) {
  const [tools, setTools] = useState<ToolSummary[]>([]);
  const [ref, setRef] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = useId();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ id: string; description: string }[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    let live = true;
    void listSpaceTools(galleryId).then((r) => {
      if (live && r.ok) setTools(r.value);
    });
    return () => {
      live = false;
    };
  }, [galleryId]);

  async function find(e: React.FormEvent) {
    e.preventDefault();
    setSearching(true);
    setSearchError(null);
    const r = await findSpaces(galleryId, query);
    setSearching(false);
    if (!r.ok) {
      setSearchError(r.error);
      setFound(null);
      return;
    }
    setFound(r.value);
  }

  async function add(e: React.FormEvent | null, chosen?: string) {
    e?.preventDefault();
    setPending(true);
    setError(null);
    const r = await addSpaceTool(galleryId, chosen ?? ref, null);
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
      {hubSearch ? (
        <form onSubmit={find} className={styles.field} role="search" aria-label="Find MCP Spaces">
          <label htmlFor={searchId}>Find MCP Spaces on the Hub</label>
          <div className={styles.row}>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="image to 3D"
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? `${searchId}-error` : undefined}
            />
            <button type="submit" disabled={searching || query.trim().length < 2} aria-busy={searching}>
              Search
            </button>
          </div>
          {searchError ? (
            <p id={`${searchId}-error`} className="error-text" role="alert">
              {searchError}
            </p>
          ) : null}
          {found ? (
            found.length ? (
              <ul aria-label="Matching Spaces" className={styles.choiceList}>
                {found.map((f) => (
                  <li key={f.id}>
                    <span>
                      <strong>{f.id}</strong> <span className={styles.dim}>{f.description}</span>
                    </span>
                    <button type="button" disabled={pending} onClick={() => void add(null, f.id)} aria-label={`Add ${f.id}`}>
                      Add
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className={styles.dim} role="status">
                No MCP Space matches “{query.trim()}”.
              </p>
            )
          ) : null}
        </form>
      ) : (
        <p className={styles.dim}>{NO_SEARCH}</p>
      )}
      {tools.length ? (
        <ul aria-label="Added Spaces" className={styles.choiceList}>
          {tools.map((t) => (
            <li key={t.space}>
              <details>
                <summary>
                  <strong>{t.space}</strong> <span className={styles.dim}>{t.endpoint}</span>
                  {t.mcp ? <span className={styles.dim}> · over MCP</span> : null}
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
