import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { unscopedDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import { clientAddress } from "./client-address";
import type { ConsoleContext } from "./console-context";
import { allows, rolePermissions, type PageKey } from "./permissions";
import { signInFor } from "./return-to";
import { restrictedStagePage } from "./restricted";
import { sessionIdFromCookies } from "./session-token";
import { lookupSession } from "./sessions";

export { actorOf, assertAllowed, can, type ConsoleContext } from "./console-context";

/**
 * This request's session: the console context, or null and whether the
 * session just ended for inactivity. The session row is read on every
 * request (once, thanks to `cache`), so a revoked session or a user who lost
 * console access is out at once. Only FULL sessions count: a session still
 * in a forced step (new password, 2FA setup) gets null here, so no console
 * page or action can serve it (lib/auth/restricted.ts).
 */
const resolveSession = cache(async (): Promise<{ ctx: ConsoleContext | null; idle: boolean }> => {
  const sid = await sessionIdFromCookies(await cookies());
  if (!sid) return { ctx: null, idle: false };
  const db = unscopedDb();
  const { session: row, ended } = await lookupSession(db, sid);
  if (!row || row.stage !== "FULL" || row.user.status !== "ACTIVE" || !row.user.role.consoleAccess) return { ctx: null, idle: ended === "idle" };
  return {
    idle: false,
    ctx: {
      // Every query through it stays in the session's workspace (lib/db/scoped.ts).
      db: scopedDb(db, row.workspace.id),
      sid,
      address: clientAddress(await headers()),
      workspace: { id: row.workspace.id, name: row.workspace.name },
      user: { id: row.user.id, email: row.user.email, displayName: row.user.displayName, alias: row.user.alias },
      roleName: row.user.role.name,
      permissions: rolePermissions(row.user.role),
    },
  };
});

/** The signed-in administrator of this request, or null. */
export const getConsoleContext = cache(async (): Promise<ConsoleContext | null> => (await resolveSession()).ctx);

/**
 * For pages: the context, or a redirect to sign-in (to the session's forced
 * step when it is in one; to Not allowed when the page's entry in the access
 * map is not met).
 */
export async function requireConsolePage(page: PageKey): Promise<ConsoleContext> {
  const { ctx, idle } = await resolveSession();
  if (!ctx) {
    const step = await restrictedStagePage();
    redirect(step ?? signInFor((await headers()).get("x-roster-path"), idle ? "idle" : undefined));
  }
  if (!allows(ctx.permissions, page)) redirect("/console/forbidden");
  return ctx;
}
