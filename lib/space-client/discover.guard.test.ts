// "Add Space" takes a URL a person typed, and the server would fetch it (with HF_TOKEN for Hugging Face hosts):
// private, loopback, link-local and metadata addresses and non-http schemes must be refused with a clear
// message BEFORE any connection, DNS aside, is attempted.
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadSpaceClientConfig } from "./config";
import type { ConnectFn } from "./connection";
import { MemoryAssetStore, MemoryCallCache } from "./testing/memory";
import { createSpaceClient } from "./space-client";
import type { LookupFn } from "./url-guard";

afterEach(() => vi.restoreAllMocks());

function setup(resolve: Record<string, string> = {}) {
  const connect = vi.fn<ConnectFn>(async () => {
    throw new Error("connect must not be called");
  });
  const fetchImpl = vi.fn<typeof fetch>(async () => {
    throw new Error("fetch must not be called");
  });
  const lookup = vi.fn<LookupFn>(async (host) => {
    const address = resolve[host];
    if (!address) throw new Error(`ENOTFOUND ${host}`);
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  });
  const globalFetch = vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("global fetch must not be called"));
  const spaceClient = createSpaceClient({
    assets: new MemoryAssetStore(),
    cache: new MemoryCallCache(),
    config: loadSpaceClientConfig({ BUILTIN_SPACES_URL: "http://127.0.0.1:3999/spaces", HF_TOKEN: "hf_secret" }),
    connect,
    fetchImpl,
    lookup,
  });
  return { spaceClient, connect, fetchImpl, lookup, globalFetch };
}

describe("discover() refuses Space URLs that point inside", () => {
  it.each([
    ["http://127.0.0.1:22", /not allowed: only https/],
    ["https://127.0.0.1/", /not allowed/],
    ["http://169.254.169.254/latest", /not allowed/],
    ["https://169.254.169.254/latest/meta-data", /not allowed/],
    ["http://[::1]", /not allowed/],
    ["https://[::1]/", /not allowed/],
    ["https://[::ffff:169.254.169.254]/", /not allowed/],
    ["http://10.0.0.1", /not allowed/],
    ["https://10.0.0.1", /not allowed/],
    ["https://user:pw@x.hf.space/", /credentials/],
    ["https://x.hf.space:8443/", /port/],
    ["http://127.0.0.1:3999/spacesX/../admin", /not allowed/],
    ["file:///etc/passwd", /Unsupported URL scheme/],
    ["javascript:alert(1)", /Unsupported URL scheme/],
    ["gopher://127.0.0.1:25/", /Unsupported URL scheme/],
  ])("%s → refused, nothing contacted", async (ref, message) => {
    const t = setup();
    await expect(t.spaceClient.discover(ref)).rejects.toThrow(message);
    expect(t.connect).not.toHaveBeenCalled();
    expect(t.fetchImpl).not.toHaveBeenCalled();
    expect(t.globalFetch).not.toHaveBeenCalled();
  });

  it("refuses a *.hf.space name that resolves to the metadata address (DNS pointing inside)", async () => {
    const t = setup({ "evil.hf.space": "169.254.169.254" });
    await expect(t.spaceClient.discover("https://evil.hf.space")).rejects.toThrow(/resolves to 169\.254\.169\.254 \(link-local\)/);
    expect(t.lookup).toHaveBeenCalledWith("evil.hf.space");
    expect(t.connect).not.toHaveBeenCalled();
    expect(t.fetchImpl).not.toHaveBeenCalled();
  });

  it("lets a public *.hf.space host through to the connection (the guard is not simply refusing everything)", async () => {
    const t = setup({ "fine.hf.space": "34.1.2.3" });
    await expect(t.spaceClient.discover("https://fine.hf.space")).rejects.toThrow();
    expect(t.connect).toHaveBeenCalledTimes(1);
    expect(t.connect.mock.calls[0]![0]).toBe("https://fine.hf.space");
  });
});

describe("discover() takes our own Spaces under any of the app's names", () => {
  it.each([
    ["http://localhost:3999/spaces/relief-3d", "http://127.0.0.1:3999/spaces/relief-3d"],
    ["http://[::1]:3999/spaces/shape-3d~latency=5/", "http://127.0.0.1:3999/spaces/shape-3d~latency=5"],
    ["http://127.0.0.1:3999/spaces/sketch-image", "http://127.0.0.1:3999/spaces/sketch-image"],
  ])("%s → connects to the built-in base only (%s), no DNS", async (ref, target) => {
    const t = setup();
    await expect(t.spaceClient.discover(ref)).rejects.toThrow(/connect must not be called/);
    expect(t.connect).toHaveBeenCalledTimes(1);
    expect(t.connect.mock.calls[0]![0]).toBe(target);
    expect(t.lookup).not.toHaveBeenCalled();
  });

  it("the origin the browser used counts as ours, and only its Spaces path", async () => {
    const t = setup();
    const appOrigins = ["https://gallery.example.org"];
    await expect(t.spaceClient.discover("https://gallery.example.org/spaces/relief-3d", { appOrigins })).rejects.toThrow(/connect must not/);
    expect(t.connect.mock.calls[0]![0]).toBe("http://127.0.0.1:3999/spaces/relief-3d");
    // Another path on that origin is an ordinary URL: refused by the guard (not a Space host), nothing contacted.
    const other = setup();
    await expect(other.spaceClient.discover("https://gallery.example.org/admin", { appOrigins })).rejects.toThrow(/not allowed/);
    expect(other.connect).not.toHaveBeenCalled();
  });

  it.each([
    ["http://localhost:3998/spaces/relief-3d", /not allowed: only https/],
    ["http://localhost:3999/admin", /not allowed: only https/],
    ["http://[::1]:3999/", /not allowed/],
    ["https://localhost:3999/spaces/relief-3d", /not allowed/],
    ["http://user:pw@localhost:3999/spaces/relief-3d", /not allowed/],
    ["http://localhost:3999/spaces/relief-3d?x=1", /not allowed/],
    ["http://10.0.0.1:3999/spaces/relief-3d", /not allowed/],
  ])("a loopback or private URL that is not our own Spaces path stays refused: %s", async (ref, message) => {
    const t = setup();
    await expect(t.spaceClient.discover(ref)).rejects.toThrow(message);
    expect(t.connect).not.toHaveBeenCalled();
    expect(t.fetchImpl).not.toHaveBeenCalled();
  });
});
