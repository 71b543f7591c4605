// A throwaway PostgreSQL cluster for the scale tests and benchmarks: Debian's `postgresql` package (installed
// with apt-get when missing, as CI runs as root on a fresh machine), a cluster in a temp dir owned by the
// unprivileged `postgres` user (the server refuses to run as root), listening on loopback only.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function binDir() {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

/** The server's bin folder, installing Debian's package first when it is missing (root only). */
export function ensurePostgres() {
  let bin = binDir();
  if (bin) return bin;
  if (process.getuid?.() !== 0) throw new Error("PostgreSQL is not installed (apt-get install postgresql), and installing it needs root");
  console.log("installing PostgreSQL (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
  bin = binDir();
  if (!bin) throw new Error("apt-get installed postgresql, but no initdb was found under /usr/lib/postgresql");
  return bin;
}

/** Runs a command as the unprivileged `postgres` user when we are root, else as ourselves. */
function asPostgres(cmd, args) {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8" }) : spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * Starts a fresh cluster on `port` (loopback, socket in its own dir) and creates database `vernissage`.
 * Returns its URL and stop(), which stops the server and removes the cluster.
 */
export function startPostgres(port) {
  const bin = ensurePostgres();
  const root = mkdtempSync(path.join(os.tmpdir(), "vernissage-pg-"));
  chmodSync(root, 0o755);
  const data = path.join(root, "data");
  const socket = path.join(root, "socket");
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  asPostgres(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  asPostgres("mkdir", ["-p", socket]);
  // fsync off: a throwaway cluster; max_connections for 2 web nodes, 2 workers, their pools and listeners.
  const opts = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(root, "server.log"), "-w", "-t", "60", "start"]);
  const psql = (sql) => asPostgres(path.join(bin, "psql"), ["-h", socket, "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql]);
  psql("CREATE DATABASE vernissage");
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/vernissage`,
    root,
    psql: (sql, db = "vernissage") => asPostgres(path.join(bin, "psql"), ["-h", socket, "-p", String(port), "-U", "postgres", "-d", db, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql]),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch (err) {
        console.error(String(err));
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
