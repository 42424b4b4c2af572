import { cache } from "react";
import type { z } from "zod";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { unscopedDb } from "@/lib/db/client";
import type { SessionStage } from "@/lib/db/generated/postgresql/enums.ts";
import { scopedDb } from "@/lib/db/scoped";
import { AppError, type ActionResult } from "@/lib/errors";
import { parseInput, runAction } from "./action";
import { clientAddress } from "./client-address";
import { sessionIdFromCookies } from "./session-token";
import type { RestrictedKey } from "./permissions";
import { DEFAULT_AFTER_SIGN_IN } from "./return-to";
import type { SelfContext } from "./self-context";
import { findSession } from "./sessions";
import { stagePages } from "./session-stage";

export type RestrictedStage = Exclude<SessionStage, "FULL">;

/** A session in a forced step: who it is, and the one thing it may do. */
export type RestrictedContext = SelfContext & {
  stage: RestrictedStage;
  workspace: { id: string; name: string };
  user: { id: string; email: string; displayName: string; alias: string };
};

/**
 * The restricted session of this request, or null (none, ended, or FULL).
 * The console's context (lib/auth/context.ts) returns FULL sessions only, so
 * a restricted one reaches nothing of the console; this is its only way in.
 */
export const getRestrictedContext = cache(async (): Promise<RestrictedContext | null> => {
  const sid = await sessionIdFromCookies(await cookies());
  if (!sid) return null;
  const db = unscopedDb();
  const row = await findSession(db, sid);
  if (!row || row.stage === "FULL" || row.user.status !== "ACTIVE" || !row.user.role.consoleAccess) return null;
  return {
    db: scopedDb(db, row.workspace.id),
    sid,
    address: clientAddress(await headers()),
    stage: row.stage,
    workspace: { id: row.workspace.id, name: row.workspace.name },
    user: { id: row.user.id, email: row.user.email, displayName: row.user.displayName, alias: row.user.alias },
  };
});

/** Where a restricted session belongs, if this request has one (the console sends it there). */
export async function restrictedStagePage(): Promise<string | null> {
  const ctx = await getRestrictedContext();
  return ctx ? stagePages[ctx.stage] : null;
}

/**
 * For a forced step's page: its restricted context, or a redirect (to the
 * console when the session is full, to the session's own step otherwise,
 * to sign-in without a session).
 */
export async function requireStagePage(key: RestrictedKey & `page ${string}`, stage: RestrictedStage): Promise<RestrictedContext> {
  void key; // Named so the page's entry in the access map is visible at the call.
  const ctx = await getRestrictedContext();
  if (!ctx) redirect((await sessionIdFromCookies(await cookies())) ? DEFAULT_AFTER_SIGN_IN : "/sign-in");
  if (ctx.stage !== stage) redirect(stagePages[ctx.stage]);
  return ctx;
}

/** A server action of a forced step: the restricted session in that stage, the input parsed, then the body. */
export function stageAction<S extends z.ZodType, T>(
  options: { schema: S; access: RestrictedKey; stage: RestrictedStage },
  body: (ctx: RestrictedContext, input: z.infer<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return (input) =>
    runAction(async () => {
      const ctx = await getRestrictedContext();
      if (!ctx || ctx.stage !== options.stage) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
      return body(ctx, parseInput(options.schema, input));
    });
}
