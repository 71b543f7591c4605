// A plain static file server on a loopback port (what any static host does: files by path, a content type by
// extension, nothing else), recording every path it was asked for.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".glb": "model/gltf-binary",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
};

export interface StaticServer {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` (path → content) or, for paths not in it, the files under `root`. */
export async function startStaticServer(port: number, opts: { root?: string; files?: Record<string, string> }): Promise<StaticServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(url.pathname);
    const inline = opts.files?.[url.pathname];
    if (inline !== undefined) {
      res.writeHead(200, { "Content-Type": TYPES[path.extname(url.pathname) || ".html"] ?? "text/html" });
      res.end(inline);
      return;
    }
    if (opts.root) {
      const file = path.join(opts.root, path.normalize(decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname)));
      if (file.startsWith(opts.root) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        fs.createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
