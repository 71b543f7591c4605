// The fixtures say what they are: each folder's meta.json names its origin (hand-written or recorded) and,
// for a hand-written one, where its facts come from; no test presents a hand-written fixture as a recording.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, readFixtureJson, type FixtureMeta } from "./testing/fixtures";
import { slug } from "./testing/record-space";

const folders = readdirSync(fixturesDir).filter((f) => statSync(path.join(fixturesDir, f)).isDirectory());

describe("fixtures", () => {
  it.each(folders)("%s says what it is and where its facts come from", (folder) => {
    const meta = readFixtureJson(folder, "meta.json") as unknown as FixtureMeta & { note?: string };
    const call = readFixtureJson(folder, "call.json");
    expect(["hand-written", "recorded"]).toContain(meta.origin);
    expect(meta.space).toBe(call.space);
    expect(slug(meta.space)).toBe(folder);
    expect(call).not.toHaveProperty("recorded");
    if (meta.origin === "hand-written") {
      expect(meta.sources?.length).toBeGreaterThan(0);
      for (const s of meta.sources!) {
        expect(s.fact.length).toBeGreaterThan(10);
        expect(s.source.length).toBeGreaterThan(5);
        expect(s.commit === null || /^[0-9a-f]{40}$/.test(s.commit)).toBe(true);
      }
    }
  });

  it("no test's header calls a hand-written fixture recorded", () => {
    const handWritten = folders.filter((f) => (readFixtureJson(f, "meta.json") as unknown as FixtureMeta).origin === "hand-written");
    expect(handWritten.length).toBeGreaterThan(0);
    const tests = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? tests(p) : e.name.endsWith(".test.ts") && !e.name.startsWith("record-space") ? [p] : [];
      });
    const claims = tests(path.resolve(__dirname)).filter((file) => {
      const header = readFileSync(file, "utf8").split("\n").filter((l) => l.startsWith("//")).join("\n");
      return /\brecorded\b/i.test(header) && !/hand-written/i.test(header);
    });
    expect(claims).toEqual([]);
  });
});
