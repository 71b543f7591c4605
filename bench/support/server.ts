// Starts the production server for benchmarks that need one. It builds into and serves from its own dist dir
// (.next-bench, via NEXT_DIST_DIR, which next.config.mjs reads), so a bench never touches the .next that other
// work uses; it builds when that build is missing or older than the sources (BENCH_SKIP_BUILD=1: never).
// `next build` adds the new dist dir's type folders to tsconfig.json and points next-env.d.ts at them: both
// are put back as they were (content and modification time) once the build is done.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

export const DIST_DIR = ".next-bench";
const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "next.config.mjs", "package.json"];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, e) => Math.max(m, newest(path.join(p, e))), st.mtimeMs);
}

interface Snapshot {
  file: string;
  text: string;
  atime: Date;
  mtime: Date;
}

function snapshot(file: string): Snapshot | null {
  if (!existsSync(file)) return null;
  const st = statSync(file);
  return { file, text: readFileSync(file, "utf8"), atime: st.atime, mtime: st.mtime };
}

/** Takes our dist dir's lines back out of a file `next build` edited; leaves anyone else's edits alone. */
function restore(snap: Snapshot | null): void {
  if (!snap || !existsSync(snap.file)) return;
  const now = readFileSync(snap.file, "utf8");
  if (now === snap.text) return;
  const ours = new RegExp(`^.*${DIST_DIR.replace(".", "\\.")}/.*\\n`, "gm");
  // Next appends the dist dir's entries to tsconfig's "include", adding a comma to the entry before them.
  const cleaned = now.replace(ours, "").replace(/,(\s*\])/g, "$1");
  if (cleaned === snap.text || snap.file.endsWith("next-env.d.ts")) {
    // next-env.d.ts is regenerated whole for the dist dir: the one before it comes back.
    writeFileSync(snap.file, snap.text);
    utimesSync(snap.file, snap.atime, snap.mtime);
  } else if (cleaned !== now) {
    writeFileSync(snap.file, cleaned); // someone else changed it meanwhile: keep their edit
  }
}

let builtThisRun = false;

export function ensureBuild(): void {
  if (builtThisRun || process.env.BENCH_SKIP_BUILD === "1") return;
  const id = path.join(DIST_DIR, "BUILD_ID");
  if (existsSync(id) && Math.max(...SOURCES.map(newest)) <= statSync(id).mtimeMs) {
    builtThisRun = true;
    return;
  }
  console.error(`bench: building into ${DIST_DIR}…`);
  const saved = [snapshot("tsconfig.json"), snapshot("next-env.d.ts")];
  try {
    const r = spawnSync(process.execPath, [nextBin(), "build"], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR },
    });
    if (r.status !== 0) {
      console.error(`${r.stdout ?? ""}${r.stderr ?? ""}`.slice(-4000));
      throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
    }
  } finally {
    saved.forEach(restore);
  }
  builtThisRun = true;
}

function nextBin(): string {
  return createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");
}

export interface BenchServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** The process that listens on the port (the Next server itself). */
  serverPid(): number;
  stop(): Promise<void>;
}

export async function startServer(port: number, env: Record<string, string> = {}): Promise<BenchServer> {
  if (port < 3200 || port > 3299) throw new Error(`bench servers use ports 3200–3299, not ${port}`);
  ensureBuild();
  const ownDataDir = !env.DATA_DIR;
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "vernissage-bench-"));
  const spacesFiles = mkdtempSync(path.join(tmpdir(), "vernissage-bench-spaces-"));
  const child = spawn(process.execPath, [nextBin(), "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(port),
      DATA_DIR: dataDir,
      BUILTIN_SPACE_FILES_DIR: spacesFiles,
      // The offline brain and the server's own built-in Spaces, without injected faults: a bench never calls
      // out of this machine (empty values count as unset).
      AGENT_PLANNER: "offline",
      HF_TOKEN: "",
      AGENT_ENDPOINT_URL: "",
      BUILTIN_SPACES_URL: "",
      BUILTIN_SPACE_FAULTS: "",
      SPACES_TEXT_TO_IMAGE: "",
      SPACES_IMAGE_TO_3D: "",
      SPACES_IMAGE_TO_SPLAT: "",
      SPACE_CONCURRENCY: "",
      ...env,
    },
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); is port ${port} in use?`);
    try {
      const r = await fetch(`${url}/`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      kill(child, "SIGKILL");
      throw new Error("the server did not start within 60 s");
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    dataDir,
    child,
    serverPid: () => listeningPid(port, child.pid!),
    async stop() {
      kill(child, "SIGTERM");
      const late = setTimeout(() => kill(child, "SIGKILL"), 5000);
      await exited;
      clearTimeout(late);
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      rmSync(spacesFiles, { recursive: true, force: true });
    },
  };
}

function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal); // the group: next start and anything it forked
  } catch {
    // already gone
  }
}

/** The pid, among `root` and its descendants, holding the socket that listens on `port` (Linux /proc). */
function listeningPid(port: number, root: number): number {
  const inodes = new Set<string>();
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]!);
    }
  }
  const children = new Map<number, number[]>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // exited meanwhile
    }
  }
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return pid;
      }
    } catch {
      // exited meanwhile
    }
    queue.push(...(children.get(pid) ?? []));
  }
  throw new Error(`no process under ${root} listens on port ${port}`);
}

function safeReadlink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return "";
  }
}

/** Peak resident set (VmHWM) and current resident set (VmRSS) of a process, in KiB. */
export function memoryOf(pid: number): { hwmKiB: number; rssKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { hwmKiB: field("VmHWM"), rssKiB: field("VmRSS") };
}
