import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { unscopedDb } from "@/lib/db/client";
import { scopedDb } from "@/lib/db/scoped";
import { auth } from "./next-auth";
import type { ConsoleContext } from "./console-context";
import { allows, rolePermissions, type PageKey } from "./permissions";
import { signInFor } from "./return-to";
import { restrictedStagePage } from "./restricted";
import { findSession } from "./sessions";

export { actorOf, assertAllowed, can, type ConsoleContext } from "./console-context";

/**
 * The signed-in administrator of this request, or null. The session row is
 * read on every request (once, thanks to `cache`), so a revoked session or a
 * user who lost console access is out at once. Only FULL sessions count: a
 * session still in a forced step (new password, 2FA setup) gets null here,
 * so no console page or action can serve it (lib/auth/restricted.ts).
 */
export const getConsoleContext = cache(async (): Promise<ConsoleContext | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  const db = unscopedDb();
  const row = await findSession(db, session.sid);
  if (!row || row.stage !== "FULL" || row.user.status !== "ACTIVE" || !row.user.role.consoleAccess) return null;
  return {
    // Every query through it stays in the session's workspace (lib/db/scoped.ts).
    db: scopedDb(db, row.workspace.id),
    sid: session.sid,
    workspace: { id: row.workspace.id, name: row.workspace.name },
    user: { id: row.user.id, email: row.user.email, displayName: row.user.displayName, alias: row.user.alias },
    roleName: row.user.role.name,
    permissions: rolePermissions(row.user.role),
  };
});

/**
 * For pages: the context, or a redirect to sign-in (to the session's forced
 * step when it is in one; to Not allowed when the page's entry in the access
 * map is not met).
 */
export async function requireConsolePage(page: PageKey): Promise<ConsoleContext> {
  const ctx = await getConsoleContext();
  if (!ctx) {
    const step = await restrictedStagePage();
    redirect(step ?? signInFor((await headers()).get("x-roster-path")));
  }
  if (!allows(ctx.permissions, page)) redirect("/console/forbidden");
  return ctx;
}
