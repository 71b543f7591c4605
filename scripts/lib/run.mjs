// Runs a command with inherited stdio and resolves to its exit code (never rejects).
import { spawn } from "node:child_process";

export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...opts, env: { ...process.env, ...opts.env } });
    child.on("error", (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
