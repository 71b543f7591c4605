// Who may talk to /mcp: MCP clients send no Origin; a browser always does, and is served only when both its
// page and this server are on loopback (a local inspector) — never a page elsewhere, nor a name rebound to us.
import { describe, expect, it } from "vitest";
import { originRefusal } from "./http";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/mcp", { method: "POST", headers });

describe("originRefusal", () => {
  it("serves clients that send no Origin, and local pages talking to a local server", () => {
    expect(originRefusal(post({ host: "vernissage.example.org" }))).toBeNull();
    expect(originRefusal(post({ host: "localhost:3000", origin: "http://localhost:6274" }))).toBeNull();
    expect(originRefusal(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:5173" }))).toBeNull();
    expect(originRefusal(post({ host: "[::1]:3000", origin: "http://[::1]:6274" }))).toBeNull();
  });

  it("refuses a page elsewhere, a rebound name, a local page aimed at a public host, and an Origin that is no URL", () => {
    expect(originRefusal(post({ host: "localhost:3000", origin: "https://evil.example" }))).toMatch(/not served/);
    expect(originRefusal(post({ host: "evil.example:3000", origin: "http://evil.example:3000" }))).toMatch(/not served/);
    expect(originRefusal(post({ host: "vernissage.example.org", origin: "http://localhost:6274" }))).toMatch(/not served/);
    expect(originRefusal(post({ host: "localhost:3000", origin: "null" }))).toMatch(/not a URL/);
  });
});
