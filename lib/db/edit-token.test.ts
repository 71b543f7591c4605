// The edit token is the only thing that grants editing: it must be stored as a hash only, and checked in
// constant time (no early exit on the first differing byte, no shortcut for a missing gallery).
import crypto from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import { closeDbs, openDb, type Db } from "./connection";
import { createGallery, verifyEditToken } from "./galleries";
import { makeTempDataDir } from "./testing/temp-dir";

const temp = makeTempDataDir("vernissage-token-");
afterAll(async () => {
  await closeDbs();
  temp.cleanup();
});

let db: Db;
let n = 0;
beforeEach(() => {
  db = openDb(`${temp.dir}/case-${n++}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.destroy();
});

async function hashOf(id: string): Promise<Buffer> {
  const row = await db.selectFrom("galleries").select("edit_token_hash").where("id", "=", id).executeTakeFirstOrThrow();
  return row.edit_token_hash;
}

describe("edit tokens at rest", () => {
  it("stores only the SHA-256 of the token, and the token appears nowhere in the database", async () => {
    const { id, editToken } = await createGallery({ title: "t", goal: "g" }, db);
    const hash = await hashOf(id);
    expect(Buffer.isBuffer(hash)).toBe(true);
    expect(hash.equals(crypto.createHash("sha256").update(editToken).digest())).toBe(true);

    const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)).rows.map((t) => t.name);
    for (const table of tables) {
      const dump = JSON.stringify((await sql`SELECT * FROM ${sql.table(table)}`.execute(db)).rows, (_k, v: unknown) =>
        Buffer.isBuffer(v) ? v.toString("latin1") : (v as object),
      );
      expect(dump, table).not.toContain(editToken);
    }
  });
});

describe("verifyEditToken", () => {
  it("compares fixed-length digests with crypto.timingSafeEqual, whatever the token or the gallery", async () => {
    const { id, editToken } = await createGallery({ title: "t", goal: "g" }, db);
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
      expect(await verifyEditToken(gallery, token, db)).toBe(expected);
      expect(spy).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0]! as [Buffer, Buffer];
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
  });

  it("does not accept the stored hash itself as a token", async () => {
    const { id } = await createGallery({ title: "t", goal: "g" }, db);
    const hash = await hashOf(id);
    for (const form of [hash.toString("hex"), hash.toString("base64url"), hash.toString("latin1")]) {
      expect(await verifyEditToken(id, form, db)).toBe(false);
    }
  });
});
