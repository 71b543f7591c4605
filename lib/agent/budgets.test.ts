import { describe, expect, it } from "vitest";
import { configVariables } from "@/lib/platform/config";
import { DEFAULT_BUDGETS, withDefaultBudgets } from "./budgets";

describe("build budgets", () => {
  it("default to what the README states for BUILD_MAX_STEPS, BUILD_MAX_TOOL_CALLS and BUILD_MAX_MINUTES", () => {
    expect(String(DEFAULT_BUDGETS.maxSteps)).toBe(configVariables.BUILD_MAX_STEPS.default);
    expect(String(DEFAULT_BUDGETS.maxToolCalls)).toBe(configVariables.BUILD_MAX_TOOL_CALLS.default);
    expect(String(DEFAULT_BUDGETS.wallClockMs / 60_000)).toBe(configVariables.BUILD_MAX_MINUTES.default);
  });

  it("keep the default of each budget left unset", () => {
    expect(withDefaultBudgets()).toEqual(DEFAULT_BUDGETS);
    expect(withDefaultBudgets({ maxSteps: 3, maxToolCalls: undefined })).toEqual({ ...DEFAULT_BUDGETS, maxSteps: 3 });
    expect(withDefaultBudgets({ wallClockMs: 5_000 })).toEqual({ ...DEFAULT_BUDGETS, wallClockMs: 5_000 });
  });
});
