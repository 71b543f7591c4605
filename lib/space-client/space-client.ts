import "server-only";
import { SpaceClientError } from "./call-runner";
import { imageToModel, imageToSplat, textToImage } from "./capability-calls";
import { clientContext, type ClientContext, type SpaceClientDeps } from "./client-context";
import type { SpaceClientConfig } from "./config";
import { callTool, discover, type DiscoverOptions, type ToolCallResult } from "./discovered-calls";
import type { DiscoveredTool } from "./discover";
import type { SpaceHealth } from "./space-registry";
import type {
  CallOptions,
  Capability,
  ImageResult,
  ImageToModelRequest,
  ImageToSplatRequest,
  ModelResult,
  SpaceEntry,
  SplatResult,
  TextToImageRequest,
} from "./types";

// The Space client: every Space, built-in or on the Hub, as a typed and resilient tool. This file is the public
// entry point, with types.ts; it wires the modules that do the work, each of which explains its own job:
//   capability-calls.ts  text-to-image, image-to-3d, image-to-splat through the Spaces' adapters (adapters/)
//   discovered-calls.ts  any Space as a tool: discover it, call it with the agent's arguments
//   call-runner.ts       one call across Spaces: cache, breaker, FIFO limiter, time limit, retry, fallback
//   on-space.ts          one attempt on a Space: session, calls, uploads, the output downloaded
//   call-inputs.ts       requests and input files checked before any Space is touched
//   stored-outputs.ts    outputs validated and stored; cached ones read back
//   space-registry.ts    the Spaces met, each one's breaker and limiter, health()
//   client-context.ts    what they all share, built from SpaceClientDeps
// Create ONE Space client per process: its limiters, breakers and pooled connections are what make
// concurrency limits and fail-fast work across builds.

export interface SpaceClient {
  readonly config: SpaceClientConfig;
  textToImage(req: TextToImageRequest, opts?: CallOptions): Promise<ImageResult>;
  imageToModel(req: ImageToModelRequest, opts?: CallOptions): Promise<ModelResult>;
  imageToSplat(req: ImageToSplatRequest, opts?: CallOptions): Promise<SplatResult>;
  discover(ref: string, opts?: DiscoverOptions): Promise<DiscoveredTool>;
  callTool(tool: DiscoveredTool, args: Record<string, unknown>, opts?: Omit<CallOptions, "space">): Promise<ToolCallResult>;
  /** The configured Spaces of a capability, in fallback order. */
  spaces(capability: Capability): readonly SpaceEntry[];
  health(): SpaceHealth[];
}

export function createSpaceClient(deps: SpaceClientDeps): SpaceClient {
  return new GradioSpaceClient(deps);
}

class GradioSpaceClient implements SpaceClient {
  private readonly ctx: ClientContext;

  constructor(deps: SpaceClientDeps) {
    this.ctx = clientContext(deps);
  }

  get config(): SpaceClientConfig {
    return this.ctx.config;
  }

  textToImage(req: TextToImageRequest, opts?: CallOptions): Promise<ImageResult> {
    return textToImage(this.ctx, req, opts);
  }

  imageToModel(req: ImageToModelRequest, opts?: CallOptions): Promise<ModelResult> {
    return imageToModel(this.ctx, req, opts);
  }

  imageToSplat(req: ImageToSplatRequest, opts?: CallOptions): Promise<SplatResult> {
    return imageToSplat(this.ctx, req, opts);
  }

  discover(ref: string, opts?: DiscoverOptions): Promise<DiscoveredTool> {
    return discover(this.ctx, ref, opts);
  }

  callTool(tool: DiscoveredTool, args: Record<string, unknown>, opts?: Omit<CallOptions, "space">): Promise<ToolCallResult> {
    return callTool(this.ctx, tool, args, opts);
  }

  spaces(capability: Capability): readonly SpaceEntry[] {
    return this.ctx.config.spaces[capability];
  }

  health(): SpaceHealth[] {
    return this.ctx.spaces.health();
  }
}

export { SpaceClientError };
export { servedModelSchema } from "./stored-outputs";
export type { SpaceClientDeps, SpaceHealth, ToolCallResult };
