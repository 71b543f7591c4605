// A `next start` of the production build that a test owns: its own port and DATA_DIR, started, SIGKILLed and
// restarted at will. It serves the same build directory as Playwright's webServer (NEXT_DIST_DIR, else .next).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class AppServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Everything every run of this server printed, in order (for diagnostics and log assertions). */
  readonly output: string[] = [];
  runs = 0;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
      throw new Error(`No production build in ${DIST_DIR}: run \`next build\` first (NEXT_DIST_DIR picks the directory).`);
    }
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What the current run printed so far. */
  get currentOutput(): string {
    const marker = `--- run ${this.runs} ---`;
    const text = this.output.join("");
    return text.slice(text.lastIndexOf(marker));
  }

  /** Starts `next start` and waits until it serves its built-in Spaces (what resumed builds wait for too). */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.child) throw new Error("already running");
    this.runs += 1;
    this.output.push(`--- run ${this.runs} ---\n`);
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(this.port), "-H", "127.0.0.1"], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: DIST_DIR, PORT: String(this.port), ...this.env },
      // Its own process group, so a kill reaches whatever `next start` spawned, and only that.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout!.on("data", (d: Buffer) => this.output.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => this.output.push(d.toString()));
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited early:\n${this.currentOutput}`);
      try {
        const r = await fetch(`${this.origin}/spaces/sketch-image/config`, { signal: AbortSignal.timeout(2000) });
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`next start did not answer within ${timeoutMs} ms:\n${this.currentOutput}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Kills the server's whole process group with `signal` (SIGKILL: no shutdown code runs) and waits for it. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.child = null;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
    await this.exited;
  }

  get running(): boolean {
    return this.child !== null;
  }
}
