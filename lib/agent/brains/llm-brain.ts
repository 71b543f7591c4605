import "server-only";
import { InferenceClient } from "@huggingface/inference";
import { BrainError, type Brain, type BrainRequest } from "./types";
import { sleep } from "@/lib/platform/abort";
import { backoffDelay } from "@/lib/platform/backoff";
import { DEFAULT_RETRY, isTransient, type RetryOptions } from "./retry";

// A chat model behind @huggingface/inference: Inference Providers with an HF token (provider "auto"), or
// any OpenAI-compatible server (llama.cpp, vLLM, Ollama, an Inference Endpoint) via `endpointUrl`.

export const DEFAULT_AGENT_MODEL = "Qwen/Qwen2.5-Coder-32B-Instruct";

export interface LlmBrainOptions {
  /** Chat model id. With an endpoint it is sent as `model` (vLLM and Ollama need it; llama.cpp ignores it). */
  model?: string;
  /** Hugging Face token, for Inference Providers. */
  token?: string;
  /** An OpenAI-compatible server's base URL; `/v1/chat/completions` is appended as needed. */
  endpointUrl?: string;
  /** Bearer token for the endpoint, if it needs one. */
  endpointToken?: string;
  maxTokens?: number;
  temperature?: number;
  /** Per attempt: a request that neither finishes nor fails in this time is retried. */
  requestTimeoutMs?: number;
  retry?: Partial<RetryOptions>;
}

interface StreamChunk {
  choices?: { delta?: { content?: string | null } }[];
}

type ChatStream = (args: Record<string, unknown>, options: { signal: AbortSignal; retry_on_error: false }) => AsyncIterable<StreamChunk>;

export function createLlmBrain(options: LlmBrainOptions): Brain {
  const { endpointUrl } = options;
  if (!endpointUrl && !options.token) throw new Error("The LLM brain needs HF_TOKEN or AGENT_ENDPOINT_URL");
  // endpointUrl and provider together throw in @huggingface/inference: an endpoint gets no provider.
  const client = endpointUrl
    ? new InferenceClient(options.endpointToken, { endpointUrl })
    : new InferenceClient(options.token);
  const model = options.model ?? (endpointUrl ? undefined : DEFAULT_AGENT_MODEL);
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const requestTimeoutMs = options.requestTimeoutMs ?? 180_000;
  const stream = client.chatCompletionStream.bind(client) as unknown as ChatStream;

  return {
    id: endpointUrl ? `llm:${model ?? "default"}@${safeUrl(endpointUrl)}` : `llm:${model}`,
    async *next(request: BrainRequest) {
      const stop = request.stop ?? [];
      const holdBack = Math.max(0, ...stop.map((s) => s.length - 1));
      for (let attempt = 1; ; attempt++) {
        let produced = false;
        const attemptSignal = AbortSignal.any([request.signal, AbortSignal.timeout(requestTimeoutMs)]);
        try {
          const args: Record<string, unknown> = {
            messages: request.messages,
            max_tokens: options.maxTokens ?? (request.phase === "step" ? 3_000 : 2_000),
            temperature: options.temperature ?? 0.3,
            ...(model ? { model } : {}),
            ...(endpointUrl ? {} : { provider: "auto" }),
            ...(stop.length ? { stop } : {}),
          };
          // The library's own retry resends 503s immediately and forever; ours backs off and gives up.
          let text = "";
          let sent = 0;
          let stopped = false;
          for await (const chunk of stream(args, { signal: attemptSignal, retry_on_error: false })) {
            text += chunk.choices?.[0]?.delta?.content ?? "";
            // Servers do not all honour `stop`; enforce it here, holding back a possible partial match.
            const cut = firstStop(text, stop);
            const end = cut ?? Math.max(sent, text.length - holdBack);
            if (end > sent) {
              produced = true;
              yield text.slice(sent, end);
              sent = end;
            }
            if (cut !== undefined) {
              stopped = true;
              break;
            }
          }
          if (!stopped && text.length > sent) yield text.slice(sent);
          return;
        } catch (error) {
          if (request.signal.aborted) throw request.signal.reason ?? error;
          const transient = isTransient(error) || attemptSignal.aborted;
          if (!transient || attempt >= retry.maxAttempts) {
            throw new BrainError(
              `The model request failed${attempt > 1 ? ` after ${attempt} attempts` : ""}: ${error instanceof Error ? error.message : String(error)}`,
              transient,
              { cause: error },
            );
          }
          if (produced) request.onRestart?.();
          await sleep(backoffDelay(attempt, retry, retry.random), request.signal);
        }
      }
    },
  };
}

function firstStop(text: string, stops: string[]): number | undefined {
  let best: number | undefined;
  for (const s of stops) {
    const i = text.indexOf(s);
    if (i >= 0 && (best === undefined || i < best)) best = i;
  }
  return best;
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return "endpoint";
  }
}
