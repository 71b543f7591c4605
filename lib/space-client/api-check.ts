import "server-only";
import type { EndpointSpec, ParamKind } from "./api-info";
import { ApiChangedError } from "./errors";

// Adapters are written against a Space's API as it was. Spaces change without notice, and a changed API
// otherwise shows up as a baffling failure deep inside a call ("An error occurred", a 422, a wrong file). So at
// connect every adapter states what it relies on and this module compares that with /gradio_api/info, failing
// with one clear sentence: "Space X changed its API: /infer no longer takes `seed`".

export type ExpectedKind = "string" | "number" | "boolean" | "file" | "enum" | "any";

export interface ExpectedParam {
  name: string;
  kind: ExpectedKind;
  /** Enum values the adapter sends; each must still be accepted. */
  values?: (string | number)[];
  /** Sent when the endpoint has it (a setting we pin), not relied on: its absence is no API change. */
  optional?: boolean;
}

export interface ExpectedEndpoint {
  name: string;
  /** Parameters the adapter sends. Every other parameter of the endpoint must have a default. */
  params: ExpectedParam[];
  /** Kinds of the first outputs the adapter reads, by position. */
  returns: ExpectedKind[];
  /** The adapter copes without it (e.g. TRELLIS's /preprocess_image). */
  optional?: boolean;
}

function compatible(expected: ExpectedKind, actual: ParamKind): boolean {
  switch (expected) {
    case "any":
      return true;
    case "number":
      return actual === "number" || actual === "integer" || actual === "enum";
    case "string":
      return actual === "string" || actual === "enum";
    case "enum":
      return actual === "enum" || actual === "string";
    case "file":
      return actual === "file";
    case "boolean":
      return actual === "boolean";
  }
}

function describe(kind: ParamKind): string {
  return kind === "file" ? "a file" : kind === "files" ? "a list of files" : kind === "json" ? "JSON" : `a ${kind}`;
}

/** Lists every mismatch between `expected` and the Space's endpoints (empty when compatible). */
export function apiProblems(endpoints: Record<string, EndpointSpec>, expected: readonly ExpectedEndpoint[]): string[] {
  const problems: string[] = [];
  const available = Object.keys(endpoints);
  for (const exp of expected) {
    const ep = endpoints[exp.name];
    if (!ep) {
      if (!exp.optional) {
        problems.push(
          `${exp.name} no longer exists (${available.length ? `it has ${available.slice(0, 8).join(", ")}` : "it exposes no named endpoints"})`,
        );
      }
      continue;
    }
    for (const p of exp.params) {
      const actual = ep.params.find((x) => x.name === p.name);
      if (!actual) {
        if (!p.optional) problems.push(`${exp.name} no longer takes \`${p.name}\``);
        continue;
      }
      // A pinned setting is fitted to whatever the Space now declares (input-fit.ts); only what we rely on is checked.
      if (p.optional) continue;
      if (!compatible(p.kind, actual.kind)) {
        problems.push(`${exp.name} parameter \`${p.name}\` is now ${describe(actual.kind)} (expected ${p.kind === "file" ? "a file" : `a ${p.kind}`})`);
        continue;
      }
      if (p.values && actual.kind === "enum" && actual.enumValues) {
        const accepted = actual.enumValues.map(String);
        const gone = p.values.filter((v) => !accepted.includes(String(v)));
        if (gone.length) {
          problems.push(`${exp.name} \`${p.name}\` no longer accepts ${gone.map((v) => JSON.stringify(v)).join(", ")} (now ${accepted.join(", ")})`);
        }
      }
    }
    const sent = new Set(exp.params.map((p) => p.name));
    for (const extra of ep.params) {
      if (extra.required && !sent.has(extra.name)) {
        problems.push(`${exp.name} now requires \`${extra.name}\`, which Vernissage does not send`);
      }
    }
    if (ep.returns.length < exp.returns.length) {
      problems.push(`${exp.name} now returns ${ep.returns.length} value(s) (expected at least ${exp.returns.length})`);
    } else {
      exp.returns.forEach((kind, i) => {
        const r = ep.returns[i]!;
        if (!compatible(kind, r.kind)) {
          problems.push(`${exp.name} output ${i + 1}${r.label ? ` (${r.label})` : ""} is now ${describe(r.kind)} (expected ${kind === "file" ? "a file" : `a ${kind}`})`);
        }
      });
    }
  }
  return problems;
}

export function assertApi(space: string, endpoints: Record<string, EndpointSpec>, expected: readonly ExpectedEndpoint[]): void {
  const problems = apiProblems(endpoints, expected);
  if (problems.length) throw new ApiChangedError(space, problems.join("; "));
}
