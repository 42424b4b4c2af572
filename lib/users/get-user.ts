import type { Db } from "@/lib/db/client";

/** One user of the workspace with role and group names, or null when it is not in this workspace. */
export function getUser(db: Db, workspaceId: string, userId: string) {
  return db.user.findFirst({
    where: { id: userId, workspaceId },
    include: {
      role: { select: { id: true, name: true, key: true } },
      memberships: { select: { group: { select: { id: true, name: true } } } },
      createdBy: { select: { email: true } },
      importRun: { select: { id: true, fileName: true } },
    },
  });
}

/** The workspace's roles, for pickers and filters. */
export function listRoles(db: Db, workspaceId: string) {
  return db.role.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true, key: true } });
}
