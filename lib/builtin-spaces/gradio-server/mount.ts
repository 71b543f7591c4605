// Mounting an app below a path prefix (Next's /spaces/<name>/…, or a test server): the app's public root is
// the origin the client used plus the prefix, so `root` in /config and the output file URLs point back here.

const HOST_RE = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

function firstValue(header: string | null): string | null {
  const v = header?.split(",")[0]?.trim();
  return v ? v : null;
}

/** The origin the client used: X-Forwarded-Proto/Host (behind a proxy), else Host, else the request URL's. */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const proto = firstValue(request.headers.get("x-forwarded-proto"));
  const scheme = proto === "http" || proto === "https" ? proto : url.protocol.replace(/:$/, "");
  const candidates = [firstValue(request.headers.get("x-forwarded-host")), request.headers.get("host"), url.host];
  const host = candidates.find((h): h is string => !!h && HOST_RE.test(h)) ?? url.host;
  return `${scheme}://${host}`;
}

export interface MountedPath {
  /** The mount segment, decoded (e.g. "shape-3d~latency=2000"). */
  name: string;
  /** The rest of the path, still encoded; "/" when empty. */
  subpath: string;
  /** The encoded prefix up to and including the segment (e.g. "/spaces/shape-3d~latency=2000"). */
  prefix: string;
}

/** Splits "/spaces/<name>/<rest>" for a mount at `base` ("/spaces"). Null if the path is not below it. */
export function splitMountedPath(pathname: string, base: string): MountedPath | null {
  const b = base.replace(/\/+$/, "");
  if (!pathname.startsWith(`${b}/`)) return null;
  const rest = pathname.slice(b.length + 1);
  const slash = rest.indexOf("/");
  const rawName = slash < 0 ? rest : rest.slice(0, slash);
  if (!rawName) return null;
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return null;
  }
  return { name, subpath: slash < 0 ? "/" : rest.slice(slash) || "/", prefix: `${b}/${rawName}` };
}
