// The plan: what the gallery will hold, decided before any tool runs, so the build can show every exhibit
// as "planned" at once. It comes from a model (untrusted JSON, validated here) or from the offline planner.
import { z } from "zod";
import { layoutArrangements, type AgentPlan } from "@/lib/contracts/agent-plan";

export const MAX_EXHIBITS = 12;

export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "exhibit";
}

/** A stable 31-bit seed from text (FNV-1a), so the same plan draws the same pictures. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2_147_483_647;
}

const text = (max: number) => z.string().trim().min(1).max(max);

// Models get small things wrong that are easy to mend (a title where a slug belongs, a seed as a string,
// a missing description); the schema mends those and rejects only what would mislead the build.
const exhibitInput = z.object({
  key: z.string().trim().min(1).max(80).optional(),
  title: text(100),
  prompt: text(800),
  description: z.string().trim().max(800).optional(),
  seed: z.coerce.number().int().nonnegative().optional(),
  // Anything but the two kinds (a typo, "3d") means the default: a mesh.
  kind: z.enum(["mesh", "splat"]).optional().catch(undefined),
});

const planInput = z.object({
  title: text(120),
  theme: z.string().trim().max(120).optional(),
  exhibits: z.array(exhibitInput).min(1).max(MAX_EXHIBITS),
  layout: z
    .union([
      z.object({
        arrangement: z.enum(layoutArrangements).catch("hall"),
        notes: z.string().max(400).optional(),
      }),
      z.string().max(400),
    ])
    .optional(),
});

export function normalisePlan(input: z.infer<typeof planInput>): AgentPlan {
  const used = new Set<string>();
  const exhibits = input.exhibits.map((e, index) => {
    let key = slugify(e.key ?? e.title);
    for (let n = 2; used.has(key); n++) key = `${slugify(e.key ?? e.title).slice(0, 36)}-${n}`;
    used.add(key);
    return {
      key,
      title: e.title,
      prompt: e.prompt,
      description: e.description ?? "",
      seed: (e.seed ?? seedFrom(`${input.title}|${key}|${index}`)) % 2_147_483_647,
      ...(e.kind === "splat" ? { kind: "splat" as const } : {}),
    };
  });
  const layout =
    typeof input.layout === "string"
      ? { arrangement: "hall" as const, notes: input.layout }
      : { arrangement: input.layout?.arrangement ?? ("hall" as const), notes: input.layout?.notes ?? "" };
  return { title: input.title, theme: input.theme?.trim() || "classic gallery", exhibits, layout };
}

export type PlanParse = { ok: true; plan: AgentPlan } | { ok: false; error: string };

/** Finds the plan JSON in a model reply (a ```json block, any fenced block, or the outermost braces). */
export function parsePlan(reply: string): PlanParse {
  const candidates: string[] = [];
  for (const m of reply.matchAll(/```[a-zA-Z]*\s*\n([\s\S]*?)(?:```|$)/g)) if (m[1]) candidates.push(m[1]);
  const first = reply.indexOf("{");
  const last = reply.lastIndexOf("}");
  if (first >= 0 && last > first) candidates.push(reply.slice(first, last + 1));
  if (candidates.length === 0) return { ok: false, error: "No JSON object found. Reply with the plan as JSON in a ```json code block." };
  let lastError = "";
  for (const candidate of candidates) {
    let data: unknown;
    try {
      data = JSON.parse(candidate.trim());
    } catch (error) {
      lastError = `The plan is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    }
    const parsed = planInput.safeParse(data);
    if (parsed.success) return { ok: true, plan: normalisePlan(parsed.data) };
    lastError = `The plan does not match the schema: ${parsed.error.issues
      .slice(0, 8)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ")}`;
  }
  return { ok: false, error: lastError };
}

/** Trims a plan to `max` exhibits (the build's budget may be smaller than what a model proposed). */
export function capPlan(plan: AgentPlan, max: number): AgentPlan {
  return plan.exhibits.length <= max ? plan : { ...plan, exhibits: plan.exhibits.slice(0, Math.max(1, max)) };
}
