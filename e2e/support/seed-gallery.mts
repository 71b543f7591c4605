// Seeds a gallery straight into a DATA_DIR through the app's own repositories and asset store, for browser tests
// that need exhibits no built-in Space makes yet (splats from a file the test writes). Run as a child process:
//   DATA_DIR=… node --conditions=react-server --import tsx e2e/support/seed-gallery.mts '<json spec>'
// (react-server: the repositories are `server-only` modules). Prints {"id","editToken"} on stdout.
// Works beside a running server on the same DATA_DIR: SQLite in WAL mode takes a second writer.
import { Document, NodeIO } from "@gltf-transform/core";
import sharp from "sharp";
import { getAssetStore } from "@/lib/assets/file-store";
import type { AssetMediaType } from "@/lib/contracts/asset-store";
import { createExhibits, setExhibitResult } from "@/lib/db/exhibits";
import { createGallery } from "@/lib/db/galleries";
import { prepareSplat } from "@/lib/splats/prepare";
import { readValidSplat } from "@/lib/splats/validate";
import type { SeedSpec } from "./seed-spec";
import { gaussianPly } from "./splat-ply";

/** Spark's WebAssembly initialises asynchronously on import and the promise is not exported: retry until ready. */
async function toSpz(ply: Buffer): Promise<Uint8Array> {
  const { transcodeSpz } = await import("@sparkjsdev/spark");
  for (let attempt = 0; ; attempt++) {
    try {
      const { fileBytes } = await transcodeSpz({ inputs: [{ fileBytes: new Uint8Array(ply), fileType: "ply" as never }], maxSh: 0 });
      return fileBytes as Uint8Array;
    } catch (err) {
      if (attempt > 100 || !/__wbindgen_malloc/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * The product's own preparation of a Space's `.ply` (what the model worker's validate-and-prepare-splat task does:
 * read and validate, then prune, turn upright, frame and write SPZ v3), run in-process: the served `.spz` and its
 * height, exactly as a build would store them.
 */
function prepared(ply: Buffer): { spz: Uint8Array; height: number } {
  const { cloud } = readValidSplat(new Uint8Array(ply));
  const { spz, height } = prepareSplat(cloud);
  return { spz, height };
}

async function boxGlb(height: number): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const w = height * 0.3;
  const p: number[] = [];
  const corners = [
    [-w, 0, -w],
    [w, 0, -w],
    [w, height, -w],
    [-w, height, -w],
    [-w, 0, w],
    [w, 0, w],
    [w, height, w],
    [-w, height, w],
  ];
  for (const c of corners) p.push(...c);
  const idx = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 1, 2, 6, 1, 6, 5, 0, 4, 7, 0, 7, 3];
  const position = doc.createAccessor().setType("VEC3").setArray(new Float32Array(p)).setBuffer(buffer);
  const indices = doc.createAccessor().setType("SCALAR").setArray(new Uint16Array(idx)).setBuffer(buffer);
  const material = doc.createMaterial().setBaseColorFactor([0.3, 0.55, 0.8, 1]);
  const prim = doc.createPrimitive().setAttribute("POSITION", position).setIndices(indices).setMaterial(material);
  const mesh = doc.createMesh().addPrimitive(prim);
  doc.createScene().addChild(doc.createNode().setMesh(mesh));
  return new NodeIO().writeBinary(doc);
}

async function picture(): Promise<Uint8Array> {
  return sharp({ create: { width: 64, height: 96, channels: 3, background: { r: 190, g: 150, b: 100 } } }).png().toBuffer();
}

export async function seedGallery(spec: SeedSpec): Promise<{ id: string; editToken: string }> {
  const store = getAssetStore();
  const put = (bytes: Uint8Array, type: AssetMediaType) => store.put(bytes, type);
  const { id, editToken } = await createGallery({ title: spec.title, goal: spec.goal });
  const records = await createExhibits(
    id,
    spec.exhibits.map((e, i) => ({ key: `e${i}`, title: e.title, description: e.description, prompt: e.title })),
  );
  for (const [i, e] of spec.exhibits.entries()) {
    let height = e.height ?? 1.6;
    let model: { sha256: string };
    let original: { sha256: string } | null = null;
    if (e.model === "glb") model = await put(await boxGlb(height), "model/gltf-binary");
    else if (e.model === "prepared") {
      const ply = gaussianPly({ count: e.count ?? 4000, height, offset: e.offset, color: e.color, seed: i + 1 });
      original = await put(ply, "application/ply");
      const served = prepared(ply);
      model = await put(served.spz, "application/x-spz");
      height = served.height;
    } else {
      const ply = gaussianPly({ count: e.count ?? 4000, height, offset: e.offset, color: e.color, fRest: e.model === "spz", seed: i + 1 });
      original = await put(ply, "application/ply");
      model = e.model === "spz" ? await put(await toSpz(ply), "application/x-spz") : original;
    }
    const image = e.picture ? await put(await picture(), "image/png") : null;
    await setExhibitResult(records[i]!.id, { imageSha: image?.sha256 ?? null, modelSha: model.sha256, originalModelSha: original?.sha256 ?? null, height });
  }
  return { id, editToken };
}

const arg = process.argv[2];
if (arg) {
  seedGallery(JSON.parse(arg) as SeedSpec).then(
    (out) => {
      process.stdout.write(JSON.stringify(out));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
