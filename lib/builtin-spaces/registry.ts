import { objectStorage, usesObjectStorage } from "@/lib/platform/object-storage";
import "server-only";
// The built-in Spaces, mounted at /spaces/<name>[~faults] (app/spaces/[space]/[[...path]]/route.ts and tests).
// Each variant — base Space + fault profile — is its own Gradio app with its own queue, concurrency limit and
// fault dice; variants of one Space share its file store, and all share the engine worker pool. The registry
// is one per process (lib/platform/singleton.ts) so every route bundle (and hot reload) sees the same queues.
import {
  createGradioApp,
  defaultFileStoreDir,
  FaultSpecError,
  FileStore,
  formatFaultProfile,
  mergeFaults,
  publicOrigin,
  splitMountedPath,
  type FaultProfile,
  type GradioApp,
} from "@/lib/builtin-spaces/gradio-server";
import { configValue } from "@/lib/platform/config";
import { processSingleton } from "@/lib/platform/singleton";
import { BuiltinFaultsError, parseEnvFaults, parseSpaceSegment } from "./faults";
import { BUILTIN_SPACES, builtinSpaceDefinition, type BuiltinSpaceName } from "./spaces";
import { enginePool } from "./engines/engines";

export { FAULTS_ENV } from "./faults";
export const SPACES_MOUNT = "/spaces";
export { BUILTIN_SPACES, type BuiltinSpaceName } from "./spaces";

/** Fault variants are created on demand from URLs: bounded, least recently used idle ones go first. */
const MAX_VARIANTS = 64;

interface Registry {
  apps: Map<string, { app: GradioApp; lastUsed: number }>;
  stores: Map<string, FileStore>;
  env: { raw: string | undefined; profiles: Map<string, FaultProfile> | BuiltinFaultsError };
}

function registry(): Registry {
  return processSingleton<Registry>("builtin.spaces", () => ({ apps: new Map(), stores: new Map(), env: { raw: undefined, profiles: new Map() } }));
}

function isBuiltin(name: string): name is BuiltinSpaceName {
  return (BUILTIN_SPACES as readonly string[]).includes(name);
}

function envProfiles(reg: Registry): Map<string, FaultProfile> {
  const raw = configValue("BUILTIN_SPACE_FAULTS");
  if (reg.env.raw !== raw || reg.env.profiles instanceof Error) {
    try {
      reg.env = { raw, profiles: parseEnvFaults(raw, BUILTIN_SPACES) };
    } catch (err) {
      reg.env = { raw, profiles: err instanceof BuiltinFaultsError ? err : new BuiltinFaultsError(String(err)) };
    }
  }
  if (reg.env.profiles instanceof Error) throw reg.env.profiles;
  return reg.env.profiles;
}

function storeFor(reg: Registry, base: BuiltinSpaceName): FileStore {
  let store = reg.stores.get(base);
  if (!store) {
    const root = configValue("BUILTIN_SPACE_FILES_DIR");
    // With object storage (ASSET_STORE=s3) the files are shared: a picture drawn on one node opens on another.
    const mirror = usesObjectStorage() ? objectStorage() : undefined;
    store = new FileStore({
      dir: root ? `${root.replace(/\/+$/, "")}/${base}` : defaultFileStoreDir(base),
      ...(mirror ? { mirror, mirrorPrefix: `spaces/${base}/` } : {}),
    });
    reg.stores.set(base, store);
  }
  return store;
}

/** A URL that names a file one of our Spaces serves (…/gradio_api/file=<path>) → that file, never a fetch. */
async function resolveBuiltinFileUrl(url: string): Promise<string | null> {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const at = pathname.indexOf("/gradio_api/file=");
  if (at < 0) return null;
  let filePath: string;
  try {
    filePath = decodeURIComponent(pathname.slice(at + "/gradio_api/file=".length));
  } catch {
    return null;
  }
  const reg = registry();
  for (const base of BUILTIN_SPACES) {
    const real = await storeFor(reg, base).resolve(filePath);
    if (real) return real;
  }
  return null;
}

export type VariantLookup = { ok: true; app: GradioApp; base: BuiltinSpaceName; faults: string } | { ok: false; response: Response };

function refuse(status: number, detail: string): { ok: false; response: Response } {
  return {
    ok: false,
    response: new Response(JSON.stringify({ detail }), { status, headers: { "content-type": "application/json" } }),
  };
}

/** The app for a mount segment such as "sketch-image" or "shape-3d~latency=2000~error=0.3~seed=7". */
export function builtinSpaceApp(segment: string): VariantLookup {
  const reg = registry();
  let parsed: { base: string; profile: FaultProfile };
  try {
    parsed = parseSpaceSegment(segment);
  } catch (err) {
    if (err instanceof FaultSpecError) return refuse(400, `Invalid fault profile in the Space URL: ${err.message}`);
    throw err;
  }
  if (!isBuiltin(parsed.base)) {
    return refuse(404, `No built-in Space named "${parsed.base}" (known: ${BUILTIN_SPACES.join(", ")})`);
  }
  let env: Map<string, FaultProfile>;
  try {
    env = envProfiles(reg);
  } catch (err) {
    console.error(`[builtin-spaces] ${(err as Error).message}`);
    return refuse(500, (err as Error).message);
  }
  const profile = mergeFaults(env.get(parsed.base), parsed.profile);
  const faults = formatFaultProfile(profile);
  const key = faults ? `${parsed.base}~${faults}` : parsed.base;
  const existing = reg.apps.get(key);
  if (existing) {
    existing.lastUsed = Date.now();
    return { ok: true, app: existing.app, base: parsed.base, faults };
  }
  if (reg.apps.size >= MAX_VARIANTS && !evictIdleVariant(reg)) {
    return refuse(503, "Too many built-in Space variants are busy; try again later.");
  }
  const app = createGradioApp(
    { ...builtinSpaceDefinition(parsed.base, enginePool().size), faults: profile },
    {
      fileStore: storeFor(reg, parsed.base),
      resolveFileUrl: resolveBuiltinFileUrl,
      // MCP file inputs may name public files elsewhere: fetched under the Space client's SSRF rules.
      fetchUrls: { allowedHosts: configValue("SPACES_ALLOWED_HOSTS") ?? [] },
    },
  );
  reg.apps.set(key, { app, lastUsed: Date.now() });
  return { ok: true, app, base: parsed.base, faults };
}

function evictIdleVariant(reg: Registry): boolean {
  let victim: [string, { app: GradioApp; lastUsed: number }] | null = null;
  for (const entry of reg.apps) {
    const s = entry[1].app.stats();
    if (s.pendingEvents > 0 || s.streams > 0) continue;
    if (!victim || entry[1].lastUsed < victim[1].lastUsed) victim = entry;
  }
  if (!victim) return false;
  victim[1].app.close();
  reg.apps.delete(victim[0]);
  return true;
}

/** Serves any request below /spaces/: what the Next route handler delegates to. */
export async function handleBuiltinSpaceRequest(request: Request): Promise<Response> {
  const mounted = splitMountedPath(new URL(request.url).pathname, SPACES_MOUNT);
  if (!mounted) return refuse(404, "Not Found").response;
  const found = builtinSpaceApp(mounted.name);
  if (!found.ok) return found.response;
  return found.app.handle(request, mounted.subpath, `${publicOrigin(request)}${mounted.prefix}`);
}

/** The public URL of a built-in Space (optionally a fault variant), e.g. for SPACES_* defaults and tests. */
export function builtinSpaceUrl(origin: string, name: BuiltinSpaceName, faults?: string | FaultProfile): string {
  const spec = typeof faults === "string" ? faults : faults ? formatFaultProfile(faults) : "";
  const suffix = spec ? `~${spec.replace(/,/g, "~")}` : "";
  return `${origin.replace(/\/+$/, "")}${SPACES_MOUNT}/${name}${suffix}`;
}

/** Closes every variant (tests). The engine pool and the files stay. */
export function resetBuiltinSpaces(): void {
  const reg = registry();
  for (const { app } of reg.apps.values()) app.close();
  reg.apps.clear();
}
