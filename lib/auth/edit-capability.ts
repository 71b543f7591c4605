import "server-only";
import { cookies, headers } from "next/headers";
import { verifyEditToken } from "@/lib/db/galleries";
import { EMBED_PATH } from "@/lib/security/headers.mjs";

// The edit capability is a secret token per gallery. The server keeps only its hash; the owner's browser keeps
// the token in an httpOnly cookie scoped to the site, one cookie per gallery.
const PREFIX = "ve_";
const ONE_YEAR = 60 * 60 * 24 * 365;
const ID_PATTERN = /^[A-Za-z0-9_-]{10,64}$/;

function cookieName(galleryId: string): string {
  return `${PREFIX}${galleryId}`;
}

export async function rememberEditToken(galleryId: string, token: string): Promise<void> {
  const jar = await cookies();
  // Secure whenever the page was reached over https (directly or behind a proxy); plain http on localhost still works.
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  jar.set(cookieName(galleryId), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: proto === "https",
    path: "/",
    maxAge: ONE_YEAR,
  });
}

export async function editTokenFor(galleryId: string): Promise<string | null> {
  if (!ID_PATTERN.test(galleryId)) return null;
  const jar = await cookies();
  return jar.get(cookieName(galleryId))?.value ?? null;
}

/**
 * Why a request may not use the edit capability whatever cookie it carries, or null. Editing never works inside
 * a frame: a page loaded into a frame (`Sec-Fetch-Dest: iframe`, which the browser sets and no script can)
 * renders without edit controls, and a request sent from the embed page (its Referer: same-origin requests carry
 * the full URL under our Referrer-Policy) is refused. A cross-site frame never even gets the cookie (SameSite=Lax);
 * these checks are for a frame on the same site — another port of the same host, another subdomain.
 */
export function framedEditProblem(h: Pick<Headers, "get">): string | null {
  const dest = h.get("sec-fetch-dest");
  if (dest === "iframe" || dest === "frame" || dest === "embed" || dest === "object") return "A gallery cannot be edited inside a frame.";
  const referer = h.get("referer");
  if (referer) {
    try {
      if (EMBED_PATH.test(new URL(referer).pathname)) return "A gallery cannot be edited from its embedded view.";
    } catch {
      // an unreadable Referer says nothing about where the request came from
    }
  }
  return null;
}

/** True when this request carries the gallery's edit capability (and is not made from inside a frame). */
export async function canEdit(galleryId: string): Promise<boolean> {
  if (framedEditProblem(await headers()) !== null) return false;
  const token = await editTokenFor(galleryId);
  return token !== null && (await verifyEditToken(galleryId, token));
}

export class ForbiddenError extends Error {
  constructor() {
    super("This link can only view the gallery. Open its edit link to change it.");
    this.name = "ForbiddenError";
  }
}

/** Throws ForbiddenError unless this request may edit the gallery: every mutating action calls it first. */
export async function requireEdit(galleryId: string): Promise<void> {
  if (!(await canEdit(galleryId))) throw new ForbiddenError();
}

/**
 * The same capability carried as an argument instead of a cookie (the MCP server's `edit_token`): throws
 * ForbiddenError unless `token` is this gallery's edit token. A view link or a gallery id grants nothing.
 */
export async function requireEditToken(galleryId: string, token: unknown): Promise<void> {
  if (typeof token !== "string" || !(await verifyEditToken(galleryId, token))) throw new ForbiddenError();
}
