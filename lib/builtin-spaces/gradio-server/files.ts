import "server-only";
// The files a Space received (uploads) or produced (outputs). They live in one folder per Space under the
// system temp dir, content-addressed like Gradio's cache (<dir>/<sha256>/<name>), and only files inside that
// folder are ever read back: a path from elsewhere — another Space's output, /etc/passwd, a symlink out — is
// refused, which is exactly how a real Space treats a foreign path (the "chaining trap" in the spec).
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, realpath, rename, rm, rmdir, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface FileStoreOptions {
  dir: string;
  /** Largest single upload or output. */
  maxFileBytes?: number;
  /** Above this, the oldest files are deleted first. */
  maxTotalBytes?: number;
  /** Files older than this are deleted by the next sweep. */
  ttlMs?: number;
  /**
   * Shared storage behind the folder, for several servers of the same Space (a deployment's web nodes and
   * workers): every file written is also put there under `<mirrorPrefix><sha256>/<name>`, and a path this
   * server has not got (written by another node) is fetched from it on first use. The local folder then is a
   * cache; the path names the same file on every node.
   */
  mirror?: FileMirror;
  mirrorPrefix?: string;
}

/** Object storage as the file store uses it (lib/platform/object-storage.ts is one). */
export interface FileMirror {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

export interface StoredFile {
  /** Absolute path: what goes into FileData.path and after `file=` in URLs. */
  path: string;
  name: string;
  size: number;
  mimeType: string;
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`File size exceeded maximum allowed size of ${limit} bytes.`);
    this.name = "FileTooLargeError";
  }
}

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
const DEFAULT_TTL_MS = 2 * 60 * 60 * 1000;
/** A sweep walks the folder: at most one per interval, started by writes. */
const SWEEP_INTERVAL_MS = 60 * 1000;

export function defaultFileStoreDir(spaceId: string): string {
  return path.join(os.tmpdir(), "vernissage-gradio", spaceId.replace(/[^A-Za-z0-9_-]/g, "_") || "space");
}

const MEDIA_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".bmp": "image/bmp",
  ".glb": "model/gltf-binary",
  ".gltf": "model/gltf+json",
  ".obj": "model/obj",
  ".ply": "application/ply",
  ".txt": "text/plain",
  ".json": "application/json",
};

/** Types a browser may show inline without script risk (Gradio's XSS_SAFE_MIMETYPES idea). */
const INLINE_SAFE = new Set(["image/png", "image/jpeg", "image/webp", "image/gif", "image/bmp", "model/gltf-binary"]);

export function mediaTypeFor(name: string): string {
  return MEDIA_TYPES[path.extname(name).toLowerCase()] ?? "application/octet-stream";
}

export function isInlineSafe(mediaType: string): boolean {
  return INLINE_SAFE.has(mediaType);
}

/** Gradio's strip_invalid_filename_characters, plus: no leading dot, bounded length, never empty. */
export function sanitizeFileName(name: string | null | undefined): string {
  const base = path.basename((name ?? "").replace(/\\/g, "/"));
  let clean = base.replace(/[^\w.\- ,()[\]]/g, "").replace(/^[.\s]+/, "").trim();
  if (clean.length > 120) {
    const ext = path.extname(clean).slice(0, 16);
    clean = clean.slice(0, 120 - ext.length) + ext;
  }
  return clean || `tmp${randomBytes(5).toString("hex")}`;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

export class FileStore {
  readonly dir: string;
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
  readonly ttlMs: number;
  private lastSweep = 0;
  private sweeping: Promise<void> | null = null;
  private realDir: string | null = null;
  private readonly mirror: FileMirror | undefined;
  private readonly mirrorPrefix: string;

  constructor(options: FileStoreOptions) {
    this.mirror = options.mirror;
    this.mirrorPrefix = options.mirrorPrefix ?? "";
    this.dir = path.resolve(options.dir);
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  async write(data: Uint8Array, name: string): Promise<StoredFile> {
    if (data.byteLength > this.maxFileBytes) throw new FileTooLargeError(this.maxFileBytes);
    const clean = sanitizeFileName(name);
    const sha = createHash("sha256").update(data).digest("hex");
    const folder = path.join(this.dir, sha);
    const target = path.join(folder, clean);
    await mkdir(folder, { recursive: true });
    const existing = await stat(target).catch(() => null);
    if (existing?.isFile() && existing.size === data.byteLength) {
      // Same bytes, same name: keep the file, but make it young again so a sweep does not take it.
      const now = new Date();
      await utimes(target, now, now).catch(() => undefined);
    } else {
      // Write beside, then rename: a reader never sees half a file.
      const tmp = path.join(folder, `.${clean}.${randomBytes(6).toString("hex")}.tmp`);
      await writeFile(tmp, data);
      await rename(tmp, target);
    }
    // Shared before the path is handed out: the next call may land on another node.
    if (this.mirror) await this.mirror.put(`${this.mirrorPrefix}${sha}/${clean}`, data, mediaTypeFor(clean));
    this.maybeSweep();
    return { path: target, name: clean, size: data.byteLength, mimeType: mediaTypeFor(clean) };
  }

  /** The real path of a file this store holds, or null for anything else (missing, outside, a dotfile, a dir). */
  async resolve(candidate: unknown): Promise<string | null> {
    if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 4096) return null;
    if (candidate.includes("\0") || !path.isAbsolute(candidate)) return null;
    const abs = path.resolve(candidate);
    if (!isInside(abs, this.dir) || path.basename(abs).startsWith(".")) return null;
    if (this.mirror) await this.fetchFromMirror(abs);
    try {
      this.realDir ??= await realpath(this.dir);
      const real = await realpath(abs);
      if (!isInside(real, this.realDir)) return null;
      const info = await stat(real);
      return info.isFile() ? real : null;
    } catch {
      return null;
    }
  }

  /** A file another node wrote (`<dir>/<sha256>/<name>`), copied from the mirror into this folder; checked by its hash. */
  private async fetchFromMirror(abs: string): Promise<void> {
    const rel = path.relative(this.dir, abs).split(path.sep);
    if (rel.length !== 2 || !/^[0-9a-f]{64}$/.test(rel[0]!) || sanitizeFileName(rel[1]) !== rel[1]) return;
    if (await stat(abs).catch(() => null)) return;
    const data = await this.mirror!.get(`${this.mirrorPrefix}${rel[0]}/${rel[1]}`).catch(() => null);
    if (!data || createHash("sha256").update(data).digest("hex") !== rel[0]) return;
    const folder = path.dirname(abs);
    await mkdir(folder, { recursive: true });
    const tmp = path.join(folder, `.${rel[1]}.${randomBytes(6).toString("hex")}.tmp`);
    await writeFile(tmp, data);
    await rename(tmp, abs);
  }

  /** Deletes expired files, then the oldest ones while the folder is over its size cap. */
  async sweep(now = Date.now()): Promise<void> {
    const files: { file: string; size: number; mtime: number }[] = [];
    const folders = await readdir(this.dir).catch(() => [] as string[]);
    for (const folder of folders) {
      const folderPath = path.join(this.dir, folder);
      const names = await readdir(folderPath).catch(() => [] as string[]);
      for (const name of names) {
        const file = path.join(folderPath, name);
        const info = await stat(file).catch(() => null);
        if (info?.isFile()) files.push({ file, size: info.size, mtime: info.mtimeMs });
      }
    }
    let total = files.reduce((sum, f) => sum + f.size, 0);
    files.sort((a, b) => a.mtime - b.mtime);
    for (const f of files) {
      const expired = now - f.mtime > this.ttlMs;
      if (!expired && total <= this.maxTotalBytes) continue;
      await rm(f.file, { force: true }).catch(() => undefined);
      total -= f.size;
      await rmdir(path.dirname(f.file)).catch(() => undefined); // only succeeds once the folder is empty
    }
  }

  private maybeSweep(): void {
    const now = Date.now();
    if (this.sweeping || now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    this.sweeping = this.sweep(now)
      .catch(() => undefined)
      .finally(() => {
        this.sweeping = null;
      });
  }
}
