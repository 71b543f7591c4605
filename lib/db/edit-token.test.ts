// The edit token is the only thing that grants editing: it must be stored as a hash only, and checked in
// constant time (no early exit on the first differing byte, no shortcut for a missing gallery).
import crypto from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDbs, openDb, type Db } from "./connection";
import { createGallery, verifyEditToken } from "./galleries";
import { makeTempDataDir } from "./testing/temp-dir";

const temp = makeTempDataDir("vernissage-token-");
afterAll(() => {
  closeDbs();
  temp.cleanup();
});

let db: Db;
let n = 0;
beforeEach(() => {
  db = openDb(`${temp.dir}/case-${n++}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe("edit tokens at rest", () => {
  it("stores only the SHA-256 of the token, and the token appears nowhere in the database", () => {
    const { id, editToken } = createGallery({ title: "t", goal: "g" }, db);
    const row = db.prepare(`SELECT edit_token_hash FROM galleries WHERE id = ?`).get(id) as { edit_token_hash: Buffer };
    expect(Buffer.isBuffer(row.edit_token_hash)).toBe(true);
    expect(row.edit_token_hash.equals(crypto.createHash("sha256").update(editToken).digest())).toBe(true);

    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all(), (_k, v: unknown) =>
        Buffer.isBuffer(v) ? v.toString("latin1") : (v as object),
      );
      expect(dump, table).not.toContain(editToken);
    }
  });
});

describe("verifyEditToken", () => {
  it("compares fixed-length digests with crypto.timingSafeEqual, whatever the token or the gallery", () => {
    const { id, editToken } = createGallery({ title: "t", goal: "g" }, db);
    const spy = vi.spyOn(crypto, "timingSafeEqual");
    const attempts: [string, string | null, boolean][] = [
      [id, editToken, true],
      [id, `${editToken.slice(0, -1)}x`, false], // differs in the last byte only
      [id, "x", false], // short
      [id, "x".repeat(10_000), false], // long
      [id, "", false],
      [id, null, false],
      ["no-such-gallery-id", editToken, false], // a miss costs the same comparison
    ];
    for (const [gallery, token, expected] of attempts) {
      spy.mockClear();
      expect(verifyEditToken(gallery, token, db)).toBe(expected);
      expect(spy).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0]! as [Buffer, Buffer];
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
  });

  it("does not accept the stored hash itself as a token", () => {
    const { id } = createGallery({ title: "t", goal: "g" }, db);
    const row = db.prepare(`SELECT edit_token_hash FROM galleries WHERE id = ?`).get(id) as { edit_token_hash: Buffer };
    for (const form of [row.edit_token_hash.toString("hex"), row.edit_token_hash.toString("base64url"), row.edit_token_hash.toString("latin1")]) {
      expect(verifyEditToken(id, form, db)).toBe(false);
    }
  });
});
