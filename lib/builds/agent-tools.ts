import "server-only";
// The tools a build hands to the agent, one definition per file in ./tools: each validates its arguments (its
// zod schema, which also writes the stub the model reads), moves the exhibit through its statuses (drawing →
// modelling → ready, or failed with a reason), calls the Space client, and keeps provenance. Tools take and
// return plain JSON; pictures and models travel as handles naming stored assets.
import { bindTool } from "@/lib/agent/tool-definition";
import type { AgentTool } from "@/lib/agent/tool-types";
import { createBuildToolContext, type BuildToolDeps } from "./tools/context";
import { generateImage } from "./tools/generate-image";
import { imageTo3d, imageToSplat } from "./tools/image-to-model";
import { inspectImageTool } from "./tools/inspect-image";
import { placeExhibit } from "./tools/place-exhibit";

export function createBuildTools(deps: BuildToolDeps): AgentTool[] {
  const build = createBuildToolContext(deps);
  return [
    bindTool(generateImage, build),
    bindTool(imageTo3d, build),
    bindTool(imageToSplat, build),
    bindTool(inspectImageTool, build),
    bindTool(placeExhibit, build),
  ];
}
