import "server-only";
import { cookies, headers } from "next/headers";
import { verifyEditToken } from "@/lib/db/galleries";

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

/** True when this request carries the gallery's edit capability. */
export async function canEdit(galleryId: string): Promise<boolean> {
  const token = await editTokenFor(galleryId);
  return token !== null && verifyEditToken(galleryId, token);
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
export function requireEditToken(galleryId: string, token: unknown): void {
  if (typeof token !== "string" || !verifyEditToken(galleryId, token)) throw new ForbiddenError();
}
