import { assertAllowed, type ConsoleContext } from "@/lib/auth/console-context";
import { getConsoleContext } from "@/lib/auth/context";
import type { RouteKey } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./json";
import { assertSameOrigin } from "./same-origin";

// Machine routes (the device agent) are in ./machine-route.ts, which never loads the console session.

/** What Next.js passes a route handler besides the request. */
export type RouteContext<P = Record<string, string | string[]>> = { params: Promise<P> };

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
