import { NextResponse, type NextRequest } from "next/server";
import { rememberEditToken } from "@/lib/auth/edit-capability";
import { verifyEditToken } from "@/lib/db/galleries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Redeems an edit link: a valid token becomes this browser's edit cookie, then the clean gallery URL opens. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = request.nextUrl.searchParams.get("token");
  const target = new URL(`/g/${encodeURIComponent(id)}`, request.nextUrl.origin);
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id) || !token || token.length > 200 || !verifyEditToken(id, token)) {
    target.searchParams.set("edit", "invalid");
    return NextResponse.redirect(target, { status: 303, headers: { "Referrer-Policy": "no-referrer" } });
  }
  await rememberEditToken(id, token);
  return NextResponse.redirect(target, { status: 303, headers: { "Referrer-Policy": "no-referrer" } });
}
