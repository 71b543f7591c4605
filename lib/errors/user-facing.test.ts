import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/edit-capability";
import { NotFoundError } from "@/lib/db/errors";
import { SpaceError } from "@/lib/spaces/toolbox/errors";
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
