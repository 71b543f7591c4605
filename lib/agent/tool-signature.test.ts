import { describe, expect, it } from "vitest";
import { z } from "zod";
import { namedType, toolSignature, typeText } from "./tool-signature";

describe("typeText", () => {
  const handle = namedType("Thing", z.object({ id: z.string() }));
  it.each([
    [z.string().trim().min(1), "string"],
    [z.number().int().min(0), "number"],
    [z.boolean(), "boolean"],
    [z.literal("image"), '"image"'],
    [z.enum(["hall", "ring"]), '"hall" | "ring"'],
    [z.array(handle), "Thing[]"],
    [z.tuple([z.string(), handle]), "[string, Thing]"],
    [z.union([z.string(), z.number()]), "string | number"],
    [z.string().nullable(), "string | null"],
    [z.object({ a: z.string(), b: z.number().optional(), c: handle.optional() }), "{ a: string; b?: number; c?: Thing }"],
    [z.object({}), "{}"],
    [z.unknown(), "unknown"],
  ] as const)("%#: %s", (schema, text) => {
    expect(typeText(schema)).toBe(text);
  });

  it("writes a tool's stub from its argument and result schemas", () => {
    expect(toolSignature("find", z.object({ q: z.string() }), z.array(handle))).toBe("async function find(args: { q: string }): Promise<Thing[]>");
  });
});
