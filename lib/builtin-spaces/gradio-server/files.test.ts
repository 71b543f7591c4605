import { mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileStore, FileTooLargeError, mediaTypeFor, sanitizeFileName } from "./files";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "vernissage-files-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("FileStore", () => {
  it("writes content-addressed files and resolves only its own", async () => {
    const store = new FileStore({ dir: path.join(dir, "a") });
    const f = await store.write(new Uint8Array([1, 2, 3]), "../../evil name?.png");
    expect(f.name).toBe("evil name.png");
    expect(f.mimeType).toBe("image/png");
    expect(path.dirname(path.dirname(f.path))).toBe(path.join(dir, "a"));
    expect(await store.resolve(f.path)).toBe(f.path);
    expect(await store.resolve(path.join(path.dirname(f.path), "..", "..", "..", path.basename(dir)))).toBeNull();
    expect(await store.resolve("relative/x.png")).toBeNull();
    expect(await store.resolve(path.dirname(f.path))).toBeNull();
    expect(await store.resolve(`${f.path}\0`)).toBeNull();
    expect(await store.resolve(42)).toBeNull();
    const again = await store.write(new Uint8Array([1, 2, 3]), "evil name.png");
    expect(again.path).toBe(f.path);
  });

  it("refuses symlinks that leave the folder and dotfiles", async () => {
    const store = new FileStore({ dir: path.join(dir, "a") });
    const f = await store.write(new Uint8Array([1]), "x.bin");
    writeFileSync(path.join(dir, "secret.txt"), "s");
    const link = path.join(path.dirname(f.path), "link.txt");
    symlinkSync(path.join(dir, "secret.txt"), link);
    expect(await store.resolve(link)).toBeNull();
    writeFileSync(path.join(path.dirname(f.path), ".hidden"), "h");
    expect(await store.resolve(path.join(path.dirname(f.path), ".hidden"))).toBeNull();
  });

  it("caps file size", async () => {
    const store = new FileStore({ dir: path.join(dir, "a"), maxFileBytes: 10 });
    await expect(store.write(new Uint8Array(11), "big.bin")).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it("sweeps expired files, then the oldest above the size cap", async () => {
    const store = new FileStore({ dir: path.join(dir, "a"), ttlMs: 60_000, maxTotalBytes: 25 });
    const old = await store.write(new Uint8Array(10).fill(1), "old.bin");
    const mid = await store.write(new Uint8Array(10).fill(2), "mid.bin");
    const young = await store.write(new Uint8Array(10).fill(3), "young.bin");
    const now = Date.now();
    utimesSync(old.path, new Date(now - 120_000), new Date(now - 120_000)); // expired
    utimesSync(mid.path, new Date(now - 30_000), new Date(now - 30_000));
    mkdirSync(path.join(dir, "a", "empty"), { recursive: true });
    await store.sweep(now);
    expect(existsSync(old.path)).toBe(false);
    expect(existsSync(path.dirname(old.path))).toBe(false);
    expect(existsSync(mid.path)).toBe(true); // 20 bytes left ≤ 25
    expect(existsSync(young.path)).toBe(true);
    await store.write(new Uint8Array(10).fill(4), "newest.bin");
    await store.sweep(now + 1000);
    expect(existsSync(mid.path)).toBe(false); // 30 > 25: the oldest goes
    expect(existsSync(young.path)).toBe(true);
  });
});

describe("names and types", () => {
  it("sanitises names like Gradio and maps media types", () => {
    expect(sanitizeFileName("a/b\\c<d>.glb")).toBe("cd.glb");
    expect(sanitizeFileName(".env")).toBe("env");
    expect(sanitizeFileName("")).toMatch(/^tmp[0-9a-f]{10}$/);
    expect(sanitizeFileName(`${"x".repeat(300)}.png`)).toHaveLength(120);
    expect(mediaTypeFor("m.GLB")).toBe("model/gltf-binary");
    expect(mediaTypeFor("x.svg")).toBe("application/octet-stream");
  });
});
