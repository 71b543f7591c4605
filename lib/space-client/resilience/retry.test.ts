import { describe, expect, it } from "vitest";
import { classifyError, parseRetryAfter, SpaceError } from "../errors";
import { shouldRetry, type RetryPolicy } from "./retry";

const policy: RetryPolicy = { transientRetries: 2, baseDelayMs: 1000, maxDelayMs: 8000 };

describe("shouldRetry", () => {
  it("retries transient faults and timeouts up to the policy, app errors and malformed output once, never permanent ones", () => {
    expect(shouldRetry("transient", 1, policy)).toBe(true);
    expect(shouldRetry("transient", 2, policy)).toBe(true);
    expect(shouldRetry("transient", 3, policy)).toBe(false);
    expect(shouldRetry("timeout", 2, policy)).toBe(true);
    expect(shouldRetry("malformed", 1, policy)).toBe(true);
    expect(shouldRetry("malformed", 2, policy)).toBe(false);
    expect(shouldRetry("app-error", 1, policy)).toBe(true);
    expect(shouldRetry("app-error", 2, policy)).toBe(false);
    for (const k of ["quota", "input", "api", "unavailable", "aborted"] as const) expect(shouldRetry(k, 1, policy)).toBe(false);
  });
});

describe("classifyError", () => {
  const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

  it.each([
    ["This application is currently busy. Please try again. ", "transient"],
    ["Connection errored out. ", "transient"],
    ["Could not parse server response: SyntaxError: Unexpected token <", "transient"],
    ["Space metadata could not be loaded. ", "transient"],
    ["Could not resolve app config. (received status 502 when fetching the app config)", "transient"],
    ["Could not resolve app config. (received status 404 when fetching the app config)", "unavailable"],
    ['Space "x/y" could not be accessed (received a 404 response from the Hugging Face API).', "unavailable"],
    ['Space "x/y" could not be accessed (received a 401 response from the Hugging Face API).', "unavailable"],
    ['No endpoint matching "/infer" was found. Valid named endpoints are: "/generate".', "api"],
    ["No API information is available for this app. ", "api"],
    ["No value provided for required parameter: prompt", "input"],
    ["Parameter `foo` is not a valid keyword argument. Please refer to the API for usage.", "input"],
    ["An error occurred", "app-error"],
    ["GPU task aborted", "transient"],
    ["You have exceeded your free ZeroGPU quota (120s requested vs. 44s left). Try again in 23:14:07.", "quota"],
    ["You have exceeded your GPU quota (60s requested vs. 56s left).", "quota"],
  ])("%s → %s", (message, kind) => {
    expect(classifyError(new Error(message)).kind).toBe(kind);
  });

  it("reads the title of a gr.Error (quota shown as 'An error occurred' with the quota title)", () => {
    expect(classifyError(withProps("An error occurred", { title: "ZeroGPU quota exceeded" })).kind).toBe("quota");
  });

  it("uses the status fields the client attaches (422 validation_error, broken connection)", () => {
    expect(classifyError(withProps("Value 5000 is greater than maximum 2048", { code: "validation_error" })).kind).toBe("input");
    expect(classifyError(withProps("whatever", { broken: true })).kind).toBe("transient");
  });

  it("an aborted signal wins over the message", () => {
    const ac = new AbortController();
    ac.abort(new Error("build cancelled"));
    const e = classifyError(new Error("Connection errored out. "), ac.signal);
    expect(e.kind).toBe("aborted");
    expect(e.message).toBe("build cancelled");
  });

  it("keeps SpaceErrors as they are", () => {
    const e = new SpaceError("malformed", "not a GLB");
    expect(classifyError(e)).toBe(e);
  });

  it("parses the quota's retry-after", () => {
    expect(parseRetryAfter("Try again in 23:14:07.")).toBe((23 * 3600 + 14 * 60 + 7) * 1000);
    expect(parseRetryAfter("try again in 5:07")).toBe((5 * 60 + 7) * 1000);
    expect(parseRetryAfter("no hint")).toBeUndefined();
    expect(classifyError(new Error("You have exceeded your free ZeroGPU quota (1s requested vs. 0s left). Try again in 0:01:00.")).retryAfterMs).toBe(60_000);
  });
});
