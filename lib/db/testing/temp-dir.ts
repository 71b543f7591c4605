import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh DATA_DIR for one test file; removed by the returned cleanup. */
export function makeTempDataDir(prefix = "vernissage-"): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const previous = process.env.DATA_DIR;
  process.env.DATA_DIR = dir;
  return {
    dir,
    cleanup: () => {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
