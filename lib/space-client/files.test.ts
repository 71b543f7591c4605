import { describe, expect, it } from "vitest";
import { downloadFile, fileRefOf, isHfHost } from "./files";

const root = "https://x-space.hf.space";

function fakeFetch(routes: Record<string, () => Response>, seen: { url: string; auth: string | null }[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, auth: new Headers(init?.headers).get("authorization") });
    const r = routes[url];
    if (!r) return new Response("nope", { status: 404 });
    return r();
  }) as typeof fetch;
}

const allowAll = async () => undefined;

describe("fileRefOf", () => {
  it("reads FileData, gr.update wrappers, Model3D {value} payloads and bare paths", () => {
    const fd = { path: "/tmp/gradio/a/image.webp", url: `${root}/gradio_api/file=/tmp/gradio/a/image.webp`, orig_name: "image.webp", meta: { _type: "gradio.FileData" } };
    expect(fileRefOf(fd, root)).toEqual({ url: fd.url, name: "image.webp" });
    expect(fileRefOf({ __type__: "update", value: fd }, root)).toEqual({ url: fd.url, name: "image.webp" });
    expect(fileRefOf({ value: fd }, root)).toEqual({ url: fd.url, name: "image.webp" });
    expect(fileRefOf({ path: "/tmp/gradio/b/m.glb", url: null }, root)).toEqual({ url: `${root}/gradio_api/file=/tmp/gradio/b/m.glb`, name: "m.glb" });
    expect(fileRefOf("/tmp/gradio/c/s.ply", root)).toEqual({ url: `${root}/gradio_api/file=/tmp/gradio/c/s.ply`, name: "s.ply" });
    expect(fileRefOf(null, root)).toBeNull();
    expect(fileRefOf(42, root)).toBeNull();
    expect(fileRefOf({ foo: 1 }, root)).toBeNull();
  });

  it("names a file whose path has a malformed %-encoding as written, rather than throwing", () => {
    expect(fileRefOf("/tmp/gradio/d/m%E0%A4%A.glb", root)).toEqual({ url: `${root}/gradio_api/file=/tmp/gradio/d/m%E0%A4%A.glb`, name: "m%E0%A4%A.glb" });
    expect(fileRefOf({ path: "/tmp/x/a%20b%.png", url: null }, root)?.name).toBe("a%20b%.png");
    expect(fileRefOf("/tmp/gradio/e/a%20b.png", root)?.name).toBe("a b.png");
  });
});

describe("downloadFile", () => {
  it("sends HF_TOKEN only to Hugging Face hosts", async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const f = fakeFetch({ [`${root}/f`]: () => new Response("abc"), "https://cdn.example.org/f": () => new Response("abc") }, seen);
    const opts = { fetchImpl: f, signal: new AbortController().signal, maxBytes: 100, token: "hf_secret", vet: allowAll };
    await downloadFile({ url: `${root}/f`, name: "f" }, opts);
    await downloadFile({ url: "https://cdn.example.org/f", name: "f" }, opts);
    expect(seen).toEqual([
      { url: `${root}/f`, auth: "Bearer hf_secret" },
      { url: "https://cdn.example.org/f", auth: null },
    ]);
    expect(isHfHost("https://huggingface.co/x")).toBe(true);
    expect(isHfHost("https://hf.space.evil.org/x")).toBe(false);
  });

  it("follows redirects by hand and vets every hop (a redirect into the private network is refused)", async () => {
    const vetted: string[] = [];
    const f = fakeFetch({
      [`${root}/f`]: () => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data" } }),
    });
    const vet = async (url: string) => {
      vetted.push(url);
      if (url.includes("169.254")) throw new Error("blocked: link-local");
    };
    await expect(downloadFile({ url: `${root}/f`, name: "f" }, { fetchImpl: f, signal: new AbortController().signal, maxBytes: 100, vet })).rejects.toThrow(/link-local/);
    expect(vetted).toEqual([`${root}/f`, "http://169.254.169.254/latest/meta-data"]);
  });

  it("cuts off bodies over the byte cap, declared or streamed", async () => {
    const big = () => new Response(new Uint8Array(500));
    const streamed = () =>
      new Response(
        new ReadableStream({
          pull(c) {
            c.enqueue(new Uint8Array(64));
          },
        }),
      );
    const opts = (f: typeof fetch) => ({ fetchImpl: f, signal: new AbortController().signal, maxBytes: 100, vet: allowAll });
    await expect(downloadFile({ url: `${root}/a`, name: "a" }, opts(fakeFetch({ [`${root}/a`]: big })))).rejects.toMatchObject({ kind: "malformed" });
    await expect(downloadFile({ url: `${root}/b`, name: "b" }, opts(fakeFetch({ [`${root}/b`]: streamed })))).rejects.toThrow(/over the 100-byte limit/);
  });

  it("classifies HTTP failures: 5xx transient, 404 a bad output", async () => {
    const f = fakeFetch({ [`${root}/a`]: () => new Response("", { status: 502 }), [`${root}/b`]: () => new Response("", { status: 404 }) });
    const o = { fetchImpl: f, signal: new AbortController().signal, maxBytes: 100, vet: allowAll };
    await expect(downloadFile({ url: `${root}/a`, name: "a" }, o)).rejects.toMatchObject({ kind: "transient" });
    await expect(downloadFile({ url: `${root}/b`, name: "b" }, o)).rejects.toMatchObject({ kind: "malformed" });
  });
});
