import type { ExhibitView, GalleryView } from "@/lib/contracts/gallery-view";
import { provenanceText } from "./provenance-text";
import { statusLabel } from "./status-label";
import styles from "./catalogue.module.css";

/** A picture's text alternative: what it was made to show (the prompt) and what the exhibit is (its description). */
export function catalogueAlt(exhibit: Pick<ExhibitView, "title" | "prompt" | "description">): string {
  const parts = [exhibit.prompt.trim(), exhibit.description.trim()].filter((p, i, all) => p && all.indexOf(p) === i);
  return parts.length ? parts.join(". ") : exhibit.title;
}

/**
 * The gallery as text, for people who do not walk the hall: a document in reading order (a heading per exhibit,
 * its picture with a real text alternative, its description and how it was made). Server-rendered HTML with no
 * script, so a screen reader, a text browser or a search engine reads all of it.
 */
export function Catalogue({ gallery }: { gallery: GalleryView }) {
  return (
    <main className={styles.catalogue}>
      <p>
        <a href={`/g/${gallery.id}`}>Back to the 3D gallery</a>
      </p>
      <h1>{gallery.title}</h1>
      <p className={styles.goal}>
        A gallery of {gallery.exhibits.length} exhibit{gallery.exhibits.length === 1 ? "" : "s"}, made from the goal “{gallery.goal}”.
      </p>
      <ol className={styles.list} aria-label="Catalogue">
        {gallery.exhibits.map((e, i) => (
          <li key={e.id}>
            <article aria-labelledby={`exhibit-${e.id}`}>
              <h2 id={`exhibit-${e.id}`}>
                {i + 1}. {e.title}
              </h2>
              {e.imageUrl ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={e.imageUrl} alt={catalogueAlt(e)} className={styles.picture} loading="lazy" decoding="async" />
              ) : (
                <p className={styles.dim}>No picture: this exhibit is a model{e.provenance.some((c) => c.capability === "upload") ? " its owner uploaded" : ""}.</p>
              )}
              {e.description ? <p>{e.description}</p> : null}
              <dl className={styles.facts}>
                <dt>Status</dt>
                <dd>{e.status === "failed" && e.error ? `Failed: ${e.error}` : statusLabel[e.status]}</dd>
                <dt>Prompt</dt>
                <dd>{e.prompt || "—"}</dd>
                <dt>Kind</dt>
                <dd>{e.kind === "splat" ? "Gaussian splat" : "3D model"}</dd>
                <dt>Provenance</dt>
                <dd>
                  {e.provenance.length ? (
                    <ul>
                      {e.provenance.map((call, j) => (
                        <li key={j}>{provenanceText(call)}</li>
                      ))}
                    </ul>
                  ) : (
                    "Not made yet."
                  )}
                </dd>
              </dl>
              {e.originalModelUrl ? (
                <p>
                  <a href={e.originalModelUrl} download>
                    Download the model of {e.title}
                  </a>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
