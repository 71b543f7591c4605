import type { NextRequest } from "next/server";
import { rememberEditToken } from "@/lib/auth/edit-capability";
import { verifyEditToken } from "@/lib/db/galleries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * A relative Location: the browser stays on the host it asked (request.nextUrl.origin is the server's own
 * idea of its host, e.g. localhost, and a cookie set for 127.0.0.1 or a public name would not follow it there).
 * The token is in this request's URL: no Referer may carry it, and no cache may keep the answer.
 */
function seeOther(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" },
  });
}

/** Redeems an edit link: a valid token becomes this browser's edit cookie, then the clean gallery URL opens. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = request.nextUrl.searchParams.get("token");
  const target = `/g/${encodeURIComponent(id)}`;
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id) || !token || token.length > 200 || !(await verifyEditToken(id, token))) {
    return seeOther(`${target}?edit=invalid`);
  }
  await rememberEditToken(id, token);
  return seeOther(target);
}
