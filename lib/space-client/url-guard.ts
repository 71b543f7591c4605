import "server-only";
import { checkPublicUrl, defaultLookup, isUnderBase, type LookupFn } from "@/lib/security/url-rules";
import { SpaceError } from "./errors";

// Custom Spaces are URLs a person (or an agent) typed, and this server will fetch them with HF_TOKEN attached:
// a classic server-side request forgery surface. The rules themselves (https, *.hf.space or SPACES_ALLOWED_HOSTS,
// every resolved address public) live in lib/security/url-rules.ts, shared with the built-in Spaces' MCP file
// inputs; here they become the Space client's errors. The only exception is the configured built-in base, which
// is ours.

export { isUnderBase, isHostAllowed, nonPublicReason, parseIPv6, type LookupFn } from "@/lib/security/url-rules";

export interface UrlGuardOptions {
  /** Base URL of the built-in Spaces (trusted even though it is loopback). */
  builtinBase: string;
  /** Extra host names allowed besides *.hf.space; `*.example.org` allows subdomains. */
  allowedHosts: readonly string[];
  /** Other trusted base URLs (test servers); compared by origin and path prefix like builtinBase. */
  trustedBases?: readonly string[];
  /** DNS resolution, injectable for tests. Defaults to the system resolver, all addresses. */
  lookup?: LookupFn;
}

/** Throws a SpaceError("unavailable") unless `url` may be connected to. Resolves DNS for non-IP hosts. */
export async function assertSpaceUrlAllowed(url: string, opts: UrlGuardOptions): Promise<void> {
  for (const base of [opts.builtinBase, ...(opts.trustedBases ?? [])]) {
    if (isUnderBase(url, base)) return;
  }
  const verdict = await checkPublicUrl(url, opts.allowedHosts, opts.lookup ?? defaultLookup);
  if (verdict.ok) return;
  if (verdict.kind === "unresolved") throw new SpaceError("transient", verdict.reason);
  throw new SpaceError("unavailable", `Space URL ${url} is not allowed: ${verdict.reason}`);
}
