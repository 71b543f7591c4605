// The agent's public surface for the build: run it, pick its brain, and the types around them.
export { runAgent, type AgentResult, type RunAgentOptions } from "./loop";
export { selectBrain, type BrainEnv } from "./brains/select";
export { createLlmBrain, DEFAULT_AGENT_MODEL, type LlmBrainOptions } from "./brains/llm-brain";
export { createOfflineBrain } from "./brains/offline-brain";
export { planOffline } from "./brains/offline-planner";
export type { Brain, BrainRequest, BrainPhase, ChatMessage } from "./brains/types";
export { DEFAULT_BUDGETS, type AgentBudgets, type StopReason } from "./budgets";
export type { AgentPlan, PlannedExhibit, LayoutArrangement } from "./plan";
export type { SandboxLimits } from "./sandbox/limits";
export type { AgentTool, ToolContext, ImageHandle, ModelHandle } from "./tool-types";
