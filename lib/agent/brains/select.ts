import "server-only";
import { createLlmBrain, type LlmBrainOptions } from "./llm-brain";
import { createOfflineBrain } from "./offline-brain";
import type { Brain } from "./types";

// Which brain a build gets: an LLM when a token or an endpoint is configured, the offline planner otherwise;
// AGENT_PLANNER=offline|llm overrides the rule.

export interface BrainEnv {
  HF_TOKEN?: string;
  AGENT_MODEL?: string;
  AGENT_ENDPOINT_URL?: string;
  /** Bearer token for AGENT_ENDPOINT_URL, when the server wants one. */
  AGENT_ENDPOINT_TOKEN?: string;
  AGENT_PLANNER?: string;
}

const nonEmpty = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The HF token goes only to Hugging Face hosts: an arbitrary endpoint must not receive it. */
function isHuggingFaceHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "huggingface.co" || host.endsWith(".huggingface.co") || host.endsWith(".huggingface.cloud") || host.endsWith(".hf.space");
  } catch {
    return false;
  }
}

export function selectBrain(env: BrainEnv = process.env as BrainEnv, extra: Pick<LlmBrainOptions, "retry" | "requestTimeoutMs"> = {}): Brain {
  const token = nonEmpty(env.HF_TOKEN);
  const endpointUrl = nonEmpty(env.AGENT_ENDPOINT_URL);
  const planner = nonEmpty(env.AGENT_PLANNER)?.toLowerCase();
  if (planner && planner !== "offline" && planner !== "llm") {
    throw new Error(`AGENT_PLANNER must be "offline" or "llm", not ${JSON.stringify(env.AGENT_PLANNER)}`);
  }
  const useLlm = planner ? planner === "llm" : Boolean(token || endpointUrl);
  if (!useLlm) return createOfflineBrain();
  if (!token && !endpointUrl) throw new Error("AGENT_PLANNER=llm needs HF_TOKEN or AGENT_ENDPOINT_URL");
  return createLlmBrain({
    model: nonEmpty(env.AGENT_MODEL),
    token,
    endpointUrl,
    endpointToken: endpointUrl ? (nonEmpty(env.AGENT_ENDPOINT_TOKEN) ?? (token && isHuggingFaceHost(endpointUrl) ? token : undefined)) : undefined,
    ...extra,
  });
}
