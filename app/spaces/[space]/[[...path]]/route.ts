// The built-in Gradio-compatible Spaces: /spaces/<name>[~faults]/config, /spaces/<name>/gradio_api/…
// All protocol work happens in lib/builtin-spaces/gradio-server; this only mounts it (Node runtime: worker threads, fs).
import { handleBuiltinSpaceRequest } from "@/lib/builtin-spaces/registry";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function handle(request: Request): Promise<Response> {
  return handleBuiltinSpaceRequest(request);
}

export { handle as GET, handle as POST, handle as HEAD };
