import { NextResponse, type NextRequest } from "next/server";
import { signInFor } from "@/lib/auth/return-to";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: Next.js reads
 * it from the request's header and puts it on the scripts it renders (pages
 * render per request; see app/layout.tsx). Console pages also send visitors
 * without a session cookie to sign-in; the real checks happen in pages and
 * actions (lib/auth/context.ts), which read the session row.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/console")) {
    const hasCookie = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
    // Back to the page asked for after signing in.
    if (!hasCookie) return NextResponse.redirect(new URL(signInFor(`${request.nextUrl.pathname}${request.nextUrl.search}`), request.url));
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  // The page asked for, so a console page whose session has ended can send the visitor back to it after sign-in.
  headers.set("x-roster-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: not the API (JSON and CSV), static files, or prefetches of them.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
