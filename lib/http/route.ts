import type { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { assertAllowed, type ConsoleContext } from "@/lib/auth/console-context";
import { getConsoleContext } from "@/lib/auth/context";
import type { MachineRouteKey, RouteKey } from "@/lib/auth/permissions";
import type { RateRule } from "@/lib/auth/rate-limit";
import { sha256 } from "@/lib/crypto/tokens";
import { getDb, type Db } from "@/lib/db/client";
import { consumeRateLimits } from "@/lib/enrollment/rate-limits";
import { AppError } from "@/lib/errors";
import { errorResponse, jsonResponse, parseJsonInput, readJsonBody } from "./json";

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

type Limit = { prefix: string; rule: RateRule };

/**
 * A machine route (the device agent): JSON in and out, no console session.
 * The caller's address is rate-limited first; then the body is read and
 * checked, the credential (a device credential or API token as
 * `Authorization: Bearer`, or an enrollment token from the body) taken and
 * limited by its SHA-256, and the handler runs. Every response is no-store.
 */
export function machineRoute<S extends z.ZodType>(
  options: {
    access: MachineRouteKey;
    schema: S;
    perAddress: Limit;
    credential: { from: "bearer"; missing: string } | { from: "body"; read: (input: z.infer<S>) => string };
    perCredential: Limit;
  },
  handler: (call: { db: Db; input: z.infer<S>; credential: string; request: Request }) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const db = getDb();
      await consumeRateLimits(db, [{ key: `${options.perAddress.prefix}:addr:${clientAddress(request.headers)}`, rule: options.perAddress.rule }]);
      const source = options.credential;
      const bearer = source.from === "bearer" ? /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] : undefined;
      if (source.from === "bearer" && !bearer) throw new AppError("UNAUTHENTICATED", { userMessage: source.missing });
      const input = parseJsonInput(options.schema, await readJsonBody(request));
      const credential = source.from === "bearer" ? bearer! : source.read(input);
      await consumeRateLimits(db, [{ key: `${options.perCredential.prefix}:${sha256(credential)}`, rule: options.perCredential.rule }]);
      return jsonResponse(await handler({ db, input, credential, request }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
