import type { ConsoleContext } from "@/lib/auth/console-context";
import type { Db } from "@/lib/db/client";
import { granterOf, mayGrantRole } from "./admin-rules";

/** One user of the workspace with role and group names, or null when it is not in this workspace. */
export function getUser(db: Db, workspaceId: string, userId: string) {
  return db.user.findFirst({
    where: { id: userId, workspaceId },
    include: {
      role: { select: { id: true, name: true, key: true, consoleAccess: true } },
      memberships: { select: { group: { select: { id: true, name: true } } } },
      createdBy: { select: { email: true } },
      importRun: { select: { id: true, fileName: true } },
    },
  });
}

/** The workspace's roles, for pickers and filters. */
export function listRoles(db: Db, workspaceId: string) {
  return db.role.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true, key: true, consoleAccess: true } });
}

/** The roles the context may give (the grant rule), for the role pickers; `keep` (a user's current role) stays listed. */
export async function listGrantableRoles(ctx: ConsoleContext, keep?: string) {
  const roles = await ctx.db.role.findMany({ where: { workspaceId: ctx.workspace.id }, orderBy: { name: "asc" }, select: { id: true, name: true, key: true, permissions: true, consoleAccess: true } });
  const granter = granterOf(ctx);
  return roles.filter((r) => r.id === keep || mayGrantRole(granter, r)).map((r) => ({ id: r.id, name: r.name, key: r.key, consoleAccess: r.consoleAccess }));
}
