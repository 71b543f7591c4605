import "server-only";
import type { AdapterId, Capability, SpaceEntry } from "./types";
import { isUnderBase } from "./url-guard";

// The Spaces the Space client knows how to drive, per capability, and the rules that turn a configured reference
// (a Hub id, a *.hf.space URL, a built-in name or URL, any other URL) into a SpaceEntry.

export interface KnownSpace {
  id: string;
  capability: Capability;
  adapter: AdapterId;
  zeroGpu: boolean;
  description: string;
}

/**
 * Real Hugging Face Spaces with a hand-written adapter, in each capability's fallback order. Ids as the Hub
 * spells them. Pictures: FLUX.2 [klein] first (sharper at 1024², sizes within its sliders), FLUX.1 [schnell]
 * second. Models: TRELLIS.2 (the best textured meshes; two ZeroGPU reservations an exhibit), the community's
 * TRELLIS (one call, one reservation), Hunyuan3D-2, then the built-ins. Splats: TripoSplat, then the built-in.
 */
export const knownSpaces: readonly KnownSpace[] = [
  {
    id: "black-forest-labs/flux-klein-9b-kv",
    capability: "text-to-image",
    adapter: "flux-klein",
    zeroGpu: true,
    description: "FLUX.2 [klein] 9B: text-to-image up to 1024²",
  },
  {
    id: "black-forest-labs/FLUX.1-schnell",
    capability: "text-to-image",
    adapter: "flux-schnell",
    zeroGpu: true,
    description: "FLUX.1 [schnell]: fast 4-step text-to-image",
  },
  {
    id: "microsoft/TRELLIS.2",
    capability: "image-to-3d",
    adapter: "trellis2",
    zeroGpu: true,
    description: "TRELLIS.2: textured 3D model from a single image (stateful, multi-step)",
  },
  {
    id: "trellis-community/TRELLIS",
    capability: "image-to-3d",
    adapter: "trellis-community",
    zeroGpu: true,
    description: "TRELLIS (community copy): textured 3D model from a single image in one call",
  },
  {
    id: "tencent/Hunyuan3D-2",
    capability: "image-to-3d",
    adapter: "hunyuan3d2",
    zeroGpu: true,
    description: "Hunyuan3D-2: shape + texture generation from an image",
  },
  {
    id: "VAST-AI/TripoSplat",
    capability: "image-to-splat",
    adapter: "triposplat",
    zeroGpu: true,
    description: "TripoSplat: Gaussian splat (.ply) from a single image",
  },
];

/**
 * The built-in Spaces served by this app (lib/builtin-spaces), by name under BUILTIN_SPACES_URL. Listed in
 * fallback order: each capability's first built-in is its default, the second where a swap or a fallback goes.
 * The second of each has the first's API, so one adapter drives both. image-to-splat has one, splat-3d, with
 * TripoSplat's API: after VAST-AI/TripoSplat when a token is set, alone offline.
 */
export const builtinSpaces: Readonly<Record<string, { capability: Capability; adapter: AdapterId }>> = {
  "sketch-image": { capability: "text-to-image", adapter: "sketch" },
  "shape-3d": { capability: "image-to-3d", adapter: "builtin-shape" },
  "ink-image": { capability: "text-to-image", adapter: "sketch" },
  "relief-3d": { capability: "image-to-3d", adapter: "builtin-shape" },
  // TripoSplat's API (/generate → … a DownloadButton with the .ply): TripoSplat's adapter drives it.
  "splat-3d": { capability: "image-to-splat", adapter: "triposplat" },
};

/** Fallback order per capability: real Spaces first when a token lets us spend quota, built-ins last. */
export function defaultSpaceRefs(capability: Capability, hasToken: boolean): string[] {
  const builtin = Object.entries(builtinSpaces)
    .filter(([, b]) => b.capability === capability)
    .map(([name]) => name);
  if (!hasToken) return builtin;
  return [...knownSpaces.filter((s) => s.capability === capability).map((s) => s.id), ...builtin];
}

const SPACE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function isSpaceId(ref: string): boolean {
  return SPACE_ID_RE.test(ref);
}

/** The Space's own host, by the Hub's rule: lower-case, `/` and `.` become `-`. */
export function spaceSubdomain(id: string): string {
  return id.toLowerCase().replace(/[/.]/g, "-");
}

export function findKnownSpace(ref: string): KnownSpace | undefined {
  const r = ref.trim().replace(/\/+$/, "");
  if (isSpaceId(r)) return knownSpaces.find((s) => s.id.toLowerCase() === r.toLowerCase());
  try {
    const host = new URL(r).hostname.toLowerCase();
    return knownSpaces.find((s) => host === `${spaceSubdomain(s.id)}.hf.space`);
  } catch {
    return undefined;
  }
}

export class SpaceRefError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpaceRefError";
  }
}

/**
 * Resolves a configured reference for a capability ("custom" for discovered tools). Syntax only: whether a
 * URL may really be reached (https, public addresses) is checked by url-guard at connect time.
 */
export function resolveSpaceRef(ref: string, capability: Capability | "custom", builtinBase: string): SpaceEntry {
  const raw = ref.trim();
  if (!raw) throw new SpaceRefError("Empty Space reference");
  const base = builtinBase.replace(/\/+$/, "");

  // A bare built-in name ("sketch-image") or a URL under the built-in base (possibly with a fault suffix), the
  // base reached under another of the app's names included (README's `http://localhost:3000/spaces/relief-3d`).
  const builtinName = raw in builtinSpaces ? raw : null;
  const builtinUrl = builtinName ? `${base}/${builtinName}` : /^https?:\/\//i.test(raw) ? ownSpaceUrl(raw, base) : null;
  if (builtinUrl) {
    const path = builtinUrl.slice(base.length).replace(/^\/+/, "");
    if (!path) throw new SpaceRefError(`${raw} is the built-in base itself, not a Space under it`);
    const known = Object.entries(builtinSpaces).find(([name]) => path === name || path.startsWith(name));
    const adapter = capability === "custom" ? "generic" : builtinAdapterFor(capability, known?.[1]);
    if (!adapter) throw new SpaceRefError(`No built-in Space serves ${capability} (got ${raw})`);
    return {
      key: `builtin:${path}`,
      target: builtinUrl,
      capability,
      adapter,
      builtin: true,
      zeroGpu: false,
      hf: false,
    };
  }

  const known = findKnownSpace(raw);
  if (known && (capability === known.capability || capability === "custom")) {
    return {
      key: known.id,
      // A *.hf.space URL is connected to directly (one request fewer than resolving the id through the Hub).
      target: isSpaceId(raw) ? known.id : raw.replace(/\/+$/, ""),
      capability,
      adapter: capability === "custom" ? "generic" : known.adapter,
      builtin: false,
      zeroGpu: known.zeroGpu,
      hf: true,
    };
  }

  if (isSpaceId(raw)) {
    return { key: raw, target: raw, capability, adapter: "generic", builtin: false, zeroGpu: true, hf: true };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SpaceRefError(`"${raw}" is neither a Space id (owner/name) nor a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new SpaceRefError(`Unsupported URL scheme in ${raw}`);
  const hf = url.hostname.toLowerCase().endsWith(".hf.space");
  const clean = raw.replace(/\/+$/, "");
  return { key: clean, target: clean, capability, adapter: "generic", builtin: false, zeroGpu: hf, hf };
}

/** Names of this machine: a URL on one of them at the built-in base's port is the base under another name. */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * `url` rewritten onto the built-in base when it names our own Spaces path: under the base itself, or under the
 * same path on one of the app's other names — a loopback name at the base's port when the base is loopback, or
 * one of `appOrigins` (the origin a browser reached the app at). Null otherwise. The rewritten URL is the only
 * one ever contacted, so the name a person typed never leads anywhere but our own Spaces: any other loopback
 * URL (another port, another path) stays a plain URL for the SSRF guard to refuse.
 */
export function ownSpaceUrl(url: string, builtinBase: string, appOrigins: readonly string[] = []): string | null {
  const base = builtinBase.replace(/\/+$/, "");
  const clean = url.trim().replace(/\/+$/, "");
  if (isUnderBase(clean, base)) return clean;
  let u: URL;
  let b: URL;
  try {
    u = new URL(clean);
    b = new URL(base);
  } catch {
    return null;
  }
  const loopbackAlias = LOOPBACK_NAMES.has(b.hostname) && LOOPBACK_NAMES.has(u.hostname) && u.protocol === b.protocol && u.port === b.port;
  const appOrigin = appOrigins.some((o) => {
    try {
      return new URL(o).origin === u.origin;
    } catch {
      return false;
    }
  });
  if (!loopbackAlias && !appOrigin) return null;
  if (u.username || u.password || u.search || u.hash) return null;
  const basePath = b.pathname.replace(/\/+$/, "");
  if (u.pathname !== basePath && !u.pathname.startsWith(`${basePath}/`)) return null;
  return `${base}${u.pathname.slice(basePath.length)}`;
}

function builtinAdapterFor(capability: Capability, known: { capability: Capability; adapter: AdapterId } | undefined): AdapterId | null {
  if (known && known.capability === capability) return known.adapter;
  // A built-in URL whose name we do not recognise: its capability list says what it is.
  const byCapability = Object.values(builtinSpaces).find((b) => b.capability === capability);
  return byCapability?.adapter ?? null;
}
