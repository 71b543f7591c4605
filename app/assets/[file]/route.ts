import { getAssetStore } from "@/lib/assets/file-store";
import { serveAsset } from "@/lib/assets/serve";

// Reads files and SQLite: Node only.
export const runtime = "nodejs";
// Every response depends on the store's contents, never on build-time data.
export const dynamic = "force-dynamic";

/** GET /assets/{sha256}.{ext}: immutable, content-addressed bytes. */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await context.params;
  return serveAsset(getAssetStore(), file, request.headers.get("if-none-match"));
}
