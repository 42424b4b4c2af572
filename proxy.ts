import { NextResponse, type NextRequest } from "next/server";

// Only redirects visitors without a session cookie; the real checks happen in
// pages and actions (lib/auth/context.ts), which read the session row.
export function proxy(request: NextRequest) {
  const hasCookie = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasCookie) return NextResponse.redirect(new URL("/sign-in", request.url));
  return NextResponse.next();
}

export const config = { matcher: ["/console/:path*"] };
