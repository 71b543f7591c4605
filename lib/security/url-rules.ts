import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

// Which URLs this server may fetch on someone's behalf: the rules against server-side request forgery, shared by
// the Space client (lib/space-client/url-guard.ts: Spaces a person or an agent typed) and the built-in Spaces'
// MCP server (file inputs given as URLs). A URL passes when it is https on the default port, without
// credentials, on a Hugging Face Space host (*.hf.space) or an allowed host, and EVERY address its name
// resolves to is public (no loopback, private, link-local, CGNAT, multicast, reserved; IPv6 included, with
// IPv4-mapped, NAT64, 6to4 and IPv4-compatible forms unwrapped).

export type LookupFn = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const defaultLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Whether `url` lies under `base` (same origin, path prefix on a segment boundary). */
export function isUnderBase(url: string, base: string): boolean {
  let u: URL;
  let b: URL;
  try {
    u = new URL(url);
    b = new URL(base);
  } catch {
    return false;
  }
  if (u.origin !== b.origin) return false;
  const bp = b.pathname.replace(/\/+$/, "");
  if (bp === "") return true;
  return u.pathname === bp || u.pathname.startsWith(`${bp}/`);
}

/** Why a URL fails the rules: "refused" (never allowed) or "unresolved" (its name did not resolve now). */
export type PublicUrlVerdict = { ok: true } | { ok: false; kind: "refused" | "unresolved"; reason: string };

/** Checks `url` against the rules above (resolving its host name unless it is an IP literal). */
export async function checkPublicUrl(url: string, allowedHosts: readonly string[], lookup: LookupFn = defaultLookup): Promise<PublicUrlVerdict> {
  const refused = (reason: string): PublicUrlVerdict => ({ ok: false, kind: "refused", reason });
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return refused("not a valid URL");
  }
  if (u.protocol !== "https:") return refused("only https is allowed for Spaces outside the built-in ones");
  if (u.username || u.password) return refused("credentials in the URL are not allowed");
  if (u.port && u.port !== "443") return refused("only the default https port is allowed");
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (!isHostAllowed(host, allowedHosts)) {
    return refused("the host must be a Hugging Face Space (*.hf.space) or listed in SPACES_ALLOWED_HOSTS");
  }
  const literal = isIP(host);
  let addresses: { address: string; family: number }[];
  try {
    addresses = literal ? [{ address: host, family: literal }] : await lookup(host);
  } catch (e) {
    return { ok: false, kind: "unresolved", reason: `Could not resolve ${host}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (addresses.length === 0) return { ok: false, kind: "unresolved", reason: `Could not resolve ${host}: no addresses` };
  for (const { address } of addresses) {
    const why = nonPublicReason(address);
    if (why) return refused(`${host} resolves to ${address} (${why})`);
  }
  return { ok: true };
}

export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (h.endsWith(".hf.space") && h.length > ".hf.space".length) return true;
  return allowedHosts.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    if (!p) return false;
    if (p.startsWith("*.")) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
    return h === p;
  });
}

/** Why an IP address is not a public unicast address, or null when it is. */
export function nonPublicReason(address: string): string | null {
  const family = isIP(address.replace(/%.*$/, ""));
  if (family === 4) return ipv4Reason(parseIPv4(address)!);
  if (family === 6) {
    const words = parseIPv6(address);
    if (!words) return "unparseable IPv6 address";
    return ipv6Reason(words);
  }
  return "not an IP address";
}

function parseIPv4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => n >= 0 && n <= 255) ? nums : null;
}

function ipv4Reason(b: number[]): string | null {
  const [a = 0, c = 0, d = 0] = b;
  if (a === 0) return "unspecified/this-network";
  if (a === 10) return "private";
  if (a === 127) return "loopback";
  if (a === 169 && c === 254) return "link-local";
  if (a === 172 && c >= 16 && c <= 31) return "private";
  if (a === 192 && c === 168) return "private";
  if (a === 100 && c >= 64 && c <= 127) return "carrier-grade NAT";
  if (a === 192 && c === 0 && d === 0) return "IETF protocol assignments";
  if (a === 192 && c === 0 && d === 2) return "documentation";
  if (a === 198 && (c === 18 || c === 19)) return "benchmarking";
  if (a === 198 && c === 51 && d === 100) return "documentation";
  if (a === 203 && c === 0 && d === 113) return "documentation";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved/broadcast";
  return null;
}

/** Parses an IPv6 address (with `::`, an embedded dotted quad, a zone id) into 8 16-bit words. */
export function parseIPv6(input: string): number[] | null {
  let s = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "").toLowerCase();
  // An embedded IPv4 tail (::ffff:127.0.0.1) becomes two hex words.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = parseIPv4(v4[1]!);
    if (!b) return null;
    s = s.slice(0, -v4[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const words = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return words.length === 8 && words.every((w) => !Number.isNaN(w)) ? words : null;
}

function ipv6Reason(w: number[]): string | null {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = w;
  const embedded = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  const allZero = (ws: number[]) => ws.every((x) => x === 0);
  if (allZero([w0, w1, w2, w3, w4, w5, w6]) && w7 === 0) return "unspecified";
  if (allZero([w0, w1, w2, w3, w4, w5, w6]) && w7 === 1) return "loopback";
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated) carry an IPv4 address.
  if (allZero([w0, w1, w2, w3]) && w4 === 0 && w5 === 0xffff) return mapped(embedded(w6, w7), "IPv4-mapped");
  if (allZero([w0, w1, w2, w3]) && w4 === 0xffff && w5 === 0) return mapped(embedded(w6, w7), "IPv4-translated");
  // ::a.b.c.d (deprecated IPv4-compatible).
  if (allZero([w0, w1, w2, w3, w4, w5])) return mapped(embedded(w6, w7), "IPv4-compatible");
  // 64:ff9b::a.b.c.d (NAT64) reaches the embedded IPv4 address through a translator.
  if (w0 === 0x64 && w1 === 0xff9b && allZero([w2, w3, w4, w5])) return mapped(embedded(w6, w7), "NAT64");
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 1) return "NAT64 local-use";
  // 2002:AABB:CCDD::/16 (6to4) embeds an IPv4 address in words 1–2.
  if (w0 === 0x2002) return mapped(embedded(w1, w2), "6to4");
  if ((w0 & 0xffc0) === 0xfe80) return "link-local";
  if ((w0 & 0xffc0) === 0xfec0) return "site-local";
  if ((w0 & 0xfe00) === 0xfc00) return "unique local (private)";
  if ((w0 & 0xff00) === 0xff00) return "multicast";
  if (w0 === 0x2001 && w1 === 0x0db8) return "documentation";
  if (w0 === 0x0100 && allZero([w1, w2, w3])) return "discard-only";
  if (w0 === 0x2001 && w1 < 0x0200) return "IETF special purpose (Teredo/ORCHID/benchmarking)";
  return null;
}

function mapped(v4: number[], form: string): string | null {
  const why = ipv4Reason(v4);
  return why ? `${form} ${v4.join(".")}: ${why}` : null;
}
