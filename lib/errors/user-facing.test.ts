import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/edit-capability";
import { NotFoundError } from "@/lib/db/errors";
import { SpaceError } from "@/lib/space-client/errors";
import { buildFailureMessage } from "./internal-fault";
import { UserError, userMessage } from "./user-facing";

describe("userMessage", () => {
  it("keeps the message of errors written for people", () => {
    const log = vi.fn();
    expect(userMessage(new UserError("This exhibit is already being remade."), log)).toBe("This exhibit is already being remade.");
    expect(userMessage(new ForbiddenError(), log)).toBe(new ForbiddenError().message);
    expect(userMessage(new NotFoundError("exhibit", "abc"), log)).toBe("exhibit abc not found");
    expect(userMessage(new SpaceError("unavailable", "Space URL http://10.0.0.1 is not allowed: private address"), log)).toMatch(/not allowed/);
    const invalid = z.object({ name: z.string().min(3, "Enter a Space id (owner/name) or URL.") }).safeParse({ name: "" });
    expect(userMessage(invalid.error, log)).toBe("Enter a Space id (owner/name) or URL.");
    expect(log).not.toHaveBeenCalled();
  });

  it("never shows an internal fault's details: a generic sentence with a reference that the server log also has", () => {
    const log = vi.fn();
    const fault = Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/vernissage/data/vernissage.db"), { code: "SQLITE_BUSY" });
    const shown = userMessage(fault, log);
    expect(shown).not.toMatch(/SQLITE|\/srv|database/);
    const ref = /\(ref ([0-9a-f]{8})\)/.exec(shown)?.[1];
    expect(ref).toBeDefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(ref!), fault);
    expect(userMessage("a thrown string", log)).toMatch(/Something went wrong on the server \(ref [0-9a-f]{8}\)/);
  });
});

describe("buildFailureMessage", () => {
  it("keeps the words of a failure the owner acts on, and hides database and filesystem faults behind a reference", () => {
    const log = vi.fn();
    expect(buildFailureMessage(new Error("Every image-to-3d Space failed — builtin:shape-3d: GPU task aborted"), log)).toMatch(/^Every image-to-3d Space failed/);
    expect(buildFailureMessage(new UserError("The exhibit no longer exists."), log)).toBe("The exhibit no longer exists.");
    expect(log).not.toHaveBeenCalled();

    const sqlite = Object.assign(new Error("database or disk is full"), { name: "SqliteError", code: "SQLITE_FULL" });
    const disk = Object.assign(new Error("ENOSPC: no space left on device, open '/srv/data/assets/ab/ab12.glb.tmp'"), { code: "ENOSPC", syscall: "open" });
    for (const fault of [sqlite, disk]) {
      const shown = buildFailureMessage(fault, log);
      expect(shown).not.toMatch(/disk|\/srv|SQLITE|ENOSPC/);
      expect(log).toHaveBeenLastCalledWith(expect.stringContaining(/\(ref ([0-9a-f]{8})\)/.exec(shown)![1]!), fault);
    }
  });
});
