import "server-only";
import crypto from "node:crypto";

/** 128 random bits, base64url (22 chars): unguessable, so a gallery's id alone is a view capability. */
export function newId(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/** 256 random bits, base64url (43 chars): the secret that grants editing. Only its hash is stored. */
export function newEditToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): Buffer {
  return crypto.createHash("sha256").update(token, "utf8").digest();
}

export function nowIso(): string {
  return new Date().toISOString();
}
