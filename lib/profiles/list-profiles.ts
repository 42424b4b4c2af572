import type { Db } from "@/lib/db/client";

/** The workspace's profiles by name, with how many groups and users each is applied to. */
export async function listProfiles(db: Db, workspaceId: string) {
  const rows = await db.profile.findMany({
    where: { workspaceId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, osFamily: true, policy: true, createdAt: true, _count: { select: { groups: true, users: true } } },
  });
  return rows;
}

/** One profile with the groups and users it is applied to. */
export async function getProfile(db: Db, workspaceId: string, id: string) {
  return db.profile.findFirst({
    where: { id, workspaceId },
    select: {
      id: true, name: true, osFamily: true, policy: true, createdAt: true,
      groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { name: "asc" } } },
      users: { select: { user: { select: { id: true, email: true, displayName: true } } }, orderBy: { user: { email: "asc" } } },
    },
  });
}

/** A user's own profiles, and the profiles that reach the user through groups. */
export async function listUserProfiles(db: Db, workspaceId: string, userId: string) {
  const [own, viaGroups, all] = await Promise.all([
    db.profileUser.findMany({ where: { workspaceId, userId }, select: { profile: { select: { id: true, name: true, osFamily: true } } }, orderBy: { profile: { name: "asc" } } }),
    db.profileGroup.findMany({
      where: { workspaceId, group: { members: { some: { userId } } } },
      select: { group: { select: { id: true, name: true } }, profile: { select: { id: true, name: true, osFamily: true } } },
      orderBy: [{ profile: { name: "asc" } }],
    }),
    db.profile.findMany({ where: { workspaceId }, select: { id: true, name: true, osFamily: true }, orderBy: { name: "asc" } }),
  ]);
  return { own: own.map((r) => r.profile), viaGroups, all };
}

/** A group's profiles and every profile of the workspace (for the assignment picker). */
export async function listGroupProfiles(db: Db, workspaceId: string, groupId: string) {
  const [own, all] = await Promise.all([
    db.profileGroup.findMany({ where: { workspaceId, groupId }, select: { profile: { select: { id: true, name: true, osFamily: true } } }, orderBy: { profile: { name: "asc" } } }),
    db.profile.findMany({ where: { workspaceId }, select: { id: true, name: true, osFamily: true }, orderBy: { name: "asc" } }),
  ]);
  return { own: own.map((r) => r.profile), all };
}
