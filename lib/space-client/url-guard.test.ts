import { describe, expect, it } from "vitest";
import { assertSpaceUrlAllowed, isHostAllowed, nonPublicReason, parseIPv6, type LookupFn } from "./url-guard";

const lookupTo = (...addresses: string[]): LookupFn => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const opts = (lookup: LookupFn, allowedHosts: string[] = []) => ({ builtinBase: "http://127.0.0.1:3000/spaces", allowedHosts, lookup });

describe("nonPublicReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fd00::1", "unique local"],
    ["fc12:3456::1", "unique local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped 127.0.0.1: loopback"],
    ["::ffff:7f00:1", "IPv4-mapped 127.0.0.1: loopback"],
    ["::ffff:169.254.169.254", "IPv4-mapped 169.254.169.254: link-local"],
    ["0:0:0:0:0:ffff:a00:1", "IPv4-mapped 10.0.0.1: private"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["64:ff9b::a9fe:a9fe", "NAT64 169.254.169.254"],
    ["2002:7f00:1::", "6to4 127.0.0.1"],
  ])("%s is not public (%s)", (address, why) => {
    expect(nonPublicReason(address)).toContain(why);
  });

  it.each(["8.8.8.8", "34.120.1.2", "172.32.0.1", "2606:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "%s is public",
    (address) => {
      expect(nonPublicReason(address)).toBeNull();
    },
  );

  it("parses IPv6 forms", () => {
    expect(parseIPv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6("[2001:db8::8a2e:370:7334]")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334]);
    expect(parseIPv6("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIPv6("1::2::3")).toBeNull();
  });
});

describe("assertSpaceUrlAllowed", () => {
  it("allows an https *.hf.space host that resolves to public addresses", async () => {
    await expect(assertSpaceUrlAllowed("https://microsoft-trellis-2.hf.space", opts(lookupTo("34.1.2.3", "2600:1f18::1")))).resolves.toBeUndefined();
  });

  it("refuses a hostname that resolves to 127.0.0.1 (DNS pointing inside)", async () => {
    await expect(assertSpaceUrlAllowed("https://evil.hf.space", opts(lookupTo("127.0.0.1")))).rejects.toThrow(/resolves to 127\.0\.0\.1 \(loopback\)/);
  });

  it("checks EVERY address: one private among public ones is enough to refuse", async () => {
    await expect(assertSpaceUrlAllowed("https://mixed.hf.space", opts(lookupTo("34.1.2.3", "::ffff:10.0.0.5")))).rejects.toThrow(/IPv4-mapped 10\.0\.0\.5/);
  });

  it("refuses metadata endpoints and IP literals", async () => {
    await expect(assertSpaceUrlAllowed("https://169.254.169.254/latest", opts(lookupTo(), ["169.254.169.254"]))).rejects.toThrow(/link-local/);
    await expect(assertSpaceUrlAllowed("https://[::1]/", opts(lookupTo(), ["::1"]))).rejects.toThrow(/loopback/);
  });

  it("refuses hosts that are neither *.hf.space nor allowed, plain http, odd ports and credentials", async () => {
    const l = lookupTo("34.1.2.3");
    await expect(assertSpaceUrlAllowed("https://example.org/app", opts(l))).rejects.toThrow(/SPACES_ALLOWED_HOSTS/);
    await expect(assertSpaceUrlAllowed("http://x.hf.space", opts(l))).rejects.toThrow(/https/);
    await expect(assertSpaceUrlAllowed("https://x.hf.space:8443", opts(l))).rejects.toThrow(/port/);
    await expect(assertSpaceUrlAllowed("https://u:p@x.hf.space", opts(l))).rejects.toThrow(/credentials/);
    await expect(assertSpaceUrlAllowed("https://hf.space.evil.com", opts(l))).rejects.toThrow(/SPACES_ALLOWED_HOSTS/);
  });

  it("allows hosts listed in SPACES_ALLOWED_HOSTS, still vetting their addresses", async () => {
    await expect(assertSpaceUrlAllowed("https://gradio.example.org", opts(lookupTo("34.1.2.3"), ["gradio.example.org"]))).resolves.toBeUndefined();
    await expect(assertSpaceUrlAllowed("https://a.apps.example.org", opts(lookupTo("34.1.2.3"), ["*.apps.example.org"]))).resolves.toBeUndefined();
    await expect(assertSpaceUrlAllowed("https://gradio.example.org", opts(lookupTo("192.168.0.2"), ["gradio.example.org"]))).rejects.toThrow(/private/);
  });

  it("trusts the built-in base (loopback) by origin and path prefix only", async () => {
    const l = lookupTo();
    await expect(assertSpaceUrlAllowed("http://127.0.0.1:3000/spaces/sketch-image", opts(l))).resolves.toBeUndefined();
    await expect(assertSpaceUrlAllowed("http://127.0.0.1:3000/spaces-evil/x", opts(l))).rejects.toThrow();
    await expect(assertSpaceUrlAllowed("http://127.0.0.1:3001/spaces/sketch-image", opts(l))).rejects.toThrow();
    await expect(assertSpaceUrlAllowed("http://127.0.0.1:3000/api/secrets", opts(l))).rejects.toThrow();
  });

  it("reports an unresolvable name as transient", async () => {
    const failing: LookupFn = async () => {
      throw new Error("ENOTFOUND");
    };
    await expect(assertSpaceUrlAllowed("https://gone.hf.space", opts(failing))).rejects.toMatchObject({ kind: "transient" });
  });

  it("isHostAllowed matches suffix patterns on label boundaries", () => {
    expect(isHostAllowed("a.hf.space", [])).toBe(true);
    expect(isHostAllowed("hf.space", [])).toBe(false);
    expect(isHostAllowed("evilexample.org", ["*.example.org"])).toBe(false);
  });
});
