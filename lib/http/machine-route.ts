import type { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import type { MachineRouteKey } from "@/lib/auth/permissions";
import type { RateRule } from "@/lib/auth/rate-limit";
import { sha256 } from "@/lib/crypto/tokens";
import { unscopedDb, type Db } from "@/lib/db/client";
import { consumeRateLimits } from "@/lib/enrollment/rate-limits";
import { AppError } from "@/lib/errors";
import { errorResponse, jsonResponse, parseJsonInput, readJsonBody } from "./json";

type Limit = { prefix: string; rule: RateRule };

/**
 * A machine route (the device agent): JSON in and out, no console session.
 * The caller's address is rate-limited first; then the body is read and
 * checked, the credential (a device credential or API token as
 * `Authorization: Bearer`, or an enrollment token from the body) taken and
 * limited by its SHA-256, and the handler runs. Every JSON response is
 * no-store; a handler that returns a Response (a 304, an ETag) sets its own.
 */
export function machineRoute<S extends z.ZodType>(
  options: {
    access: MachineRouteKey;
    schema: S;
    /** Where the input is read: the JSON body (the default) or, for GET, the query string. */
    input?: "json" | "query";
    perAddress: Limit;
    credential: { from: "bearer"; missing: string } | { from: "body"; read: (input: z.infer<S>) => string };
    perCredential: Limit;
  },
  handler: (call: { db: Db; input: z.infer<S>; credential: string; request: Request }) => Promise<unknown | Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const db = unscopedDb();
      await consumeRateLimits(db, [{ key: `${options.perAddress.prefix}:addr:${clientAddress(request.headers)}`, rule: options.perAddress.rule }]);
      const source = options.credential;
      const bearer = source.from === "bearer" ? /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] : undefined;
      if (source.from === "bearer" && !bearer) throw new AppError("UNAUTHENTICATED", { userMessage: source.missing });
      const raw = options.input === "query" ? Object.fromEntries(new URL(request.url).searchParams) : await readJsonBody(request);
      const input = parseJsonInput(options.schema, raw);
      const credential = source.from === "bearer" ? bearer! : source.read(input);
      await consumeRateLimits(db, [{ key: `${options.perCredential.prefix}:${sha256(credential)}`, rule: options.perCredential.rule }]);
      const result = await handler({ db, input, credential, request });
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
