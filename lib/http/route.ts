import { assertAllowed, type ConsoleContext } from "@/lib/auth/console-context";
import { getConsoleContext } from "@/lib/auth/context";
import type { RouteKey } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./json";

// Machine routes (the device agent) are in ./machine-route.ts, which never loads the console session.

/** What Next.js passes a route handler besides the request. */
export type RouteContext<P = Record<string, string | string[]>> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The check Next.js makes for server actions, for console routes: a request
 * that may change something must carry an Origin whose host is the host the
 * request was sent to (X-Forwarded-Host behind a proxy, else Host).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0].trim().toLowerCase();
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host.toLowerCase() : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    throw new AppError("FORBIDDEN", { userMessage: "This request did not come from the console's own pages." });
  }
}

/**
 * A console route handler: the Origin check for unsafe methods, the signed-in
 * session, and what the route's entry in the access map requires; any
 * failure is `{ error: { code, message } }` with its status.
 */
export function consoleRoute<P = Record<string, string | string[]>>(
  options: { access: RouteKey },
  handler: (ctx: ConsoleContext, request: Request, params: P) => Promise<Response>,
): (request: Request, route: RouteContext<P>) => Promise<Response> {
  return async (request, route) => {
    try {
      assertSameOrigin(request);
      const ctx = await getConsoleContext();
      if (!ctx) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
      assertAllowed(ctx, options.access);
      return await handler(ctx, request, route ? await route.params : ({} as P));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
