import { describe, expect, it } from "vitest";
import { HAND_OFF_MAX_AGE_MS, HandOffs, urlFileRef } from "./hand-off";

const sha = (n: number) => n.toString(16).padStart(64, "0");

describe("HandOffs", () => {
  it("gives the URL of a picture while it is recent, then forgets it", () => {
    const h = new HandOffs();
    h.remember(sha(1), "http://127.0.0.1:3000/spaces/sketch-image/gradio_api/file=/tmp/a/image.png", 1_000);
    expect(h.lookup(sha(1), 1_000 + HAND_OFF_MAX_AGE_MS)).toMatch(/file=\/tmp\/a\/image\.png$/);
    expect(h.lookup(sha(1), 1_001 + HAND_OFF_MAX_AGE_MS)).toBeUndefined();
    expect(h.lookup(sha(2), 1_000)).toBeUndefined();
  });

  it("forgets a picture the Space no longer has", () => {
    const h = new HandOffs();
    h.remember(sha(1), "http://h/f", 0);
    h.forget(sha(1));
    expect(h.lookup(sha(1), 0)).toBeUndefined();
  });

  it("keeps a bounded number, dropping the oldest", () => {
    const h = new HandOffs();
    for (let i = 0; i < 600; i++) h.remember(sha(i), `http://h/${i}`, 0);
    expect(h.lookup(sha(0), 0)).toBeUndefined();
    expect(h.lookup(sha(599), 0)).toBe("http://h/599");
  });
});

describe("urlFileRef", () => {
  it("is the FileData @gradio/client's handle_file(url) makes", () => {
    expect(urlFileRef("http://h/x/image.png", "input.png")).toEqual({
      path: "http://h/x/image.png",
      url: "http://h/x/image.png",
      orig_name: "input.png",
      meta: { _type: "gradio.FileData" },
    });
  });
});
