import { escapeHtml } from "./oembed";
import { GALLERY_GLOBAL, MODELS_GLOBAL, type ViewerGallery } from "./viewer/data";

// The exported gallery's index.html and its data scripts. The page is complete without script too: the title,
// and every exhibit with its picture, alt text and description, as in the catalogue.

export function viewerIndexHtml(gallery: ViewerGallery): string {
  const modelScripts = [...new Set(gallery.exhibits.flatMap((e) => (e.model ? [e.model] : [])))]
    .map((sha) => `<script src="models/${sha}.js"></script>`)
    .join("\n");
  const items = gallery.exhibits
    .map((e, i) => {
      const alt = [e.prompt, e.description].filter((p, j, all) => p && all.indexOf(p) === j).join(". ") || e.title;
      const picture = e.picture ? `<img src="${escapeHtml(e.picture)}" alt="${escapeHtml(alt)}" width="96" height="96">` : "";
      return (
        `<li data-exhibit="${escapeHtml(e.id)}" data-state="waiting">${picture}<div><strong>${i + 1}. ${escapeHtml(e.title)}</strong>` +
        ` <span data-status>${e.model ? "loading" : "no model"}</span>${e.description ? `<p>${escapeHtml(e.description)}</p>` : ""}</div></li>`
      );
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(gallery.title)} · Vernissage</title>
<style>
html,body{margin:0;height:100%;background:#1d1a16;color:#f3ece0;font-family:system-ui,sans-serif}
body{display:grid;grid-template-columns:1fr minmax(260px,340px);height:100vh}
#stage{position:relative;min-height:0}#stage canvas{display:block;width:100%;height:100%;outline:none}
aside{overflow:auto;padding:1rem;background:#2a2520}h1{font-family:Georgia,serif;font-size:1.4rem;margin:0 0 .3rem}
ol{list-style:none;padding:0}li{display:flex;gap:.6rem;margin:.6rem 0}li img{border-radius:6px;object-fit:cover;background:#000}
li p{margin:.2rem 0;color:#c2b8a6;font-size:.9rem}[data-status]{color:#c2b8a6;font-size:.85rem}
button{font:inherit;color:inherit;background:#342e27;border:1px solid #5a5045;border-radius:8px;padding:.35rem .8rem}
@media (max-width:760px){body{grid-template-columns:1fr;grid-template-rows:60vh 1fr}}
</style>
</head>
<body>
<main id="stage" aria-label="The hall"></main>
<aside>
<h1>${escapeHtml(gallery.title)}</h1>
<p>“${escapeHtml(gallery.goal)}”</p>
<p><button type="button" id="previous">Previous</button> <button type="button" id="next">Next exhibit</button></p>
<p id="caption" aria-live="polite">Drag to look around, scroll to zoom, arrow keys to walk.</p>
<ol aria-label="Exhibits">
${items}
</ol>
<p><small>Exported from Vernissage on ${escapeHtml(gallery.exportedAt.slice(0, 10))}. gallery.json has every detail; assets/ holds the models, pictures and originals.</small></p>
</aside>
<script src="data/gallery.js"></script>
${modelScripts}
<script src="viewer.js"></script>
</body>
</html>
`;
}

export function galleryScript(gallery: ViewerGallery): string {
  return `window.${GALLERY_GLOBAL} = ${JSON.stringify(gallery)};\n`;
}

/** A model as a script: its bytes in base64, under its sha256 (loaded by a script tag, which file:// allows). */
export function modelScript(sha256: string, bytes: Uint8Array): string {
  return `(window.${MODELS_GLOBAL} = window.${MODELS_GLOBAL} || {})["${sha256}"] = "${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}";\n`;
}
