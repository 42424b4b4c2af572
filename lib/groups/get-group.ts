import type { Db } from "@/lib/db/client";
import { withCreators } from "./list-groups";

export const MEMBER_PAGE_SIZE = 50;

/** A group of the workspace with its member count and creator, or null. */
export async function getGroup(db: Db, workspaceId: string, id: string) {
  const group = await db.group.findFirst({
    where: { id, workspaceId },
    select: { id: true, name: true, nameNormalized: true, createdAt: true, createdById: true, _count: { select: { members: true } } },
  });
  if (!group) return null;
  const [row] = await withCreators(db, workspaceId, [group]);
  return row;
}

/** One page (1-based) of a group's members, by name. */
export async function listGroupMembers(db: Db, workspaceId: string, groupId: string, page: number, size = MEMBER_PAGE_SIZE) {
  return db.groupMember.findMany({
    where: { workspaceId, groupId },
    orderBy: [{ user: { sortName: "asc" } }, { userId: "asc" }],
    skip: (page - 1) * size,
    take: size,
    select: { createdAt: true, user: { select: { id: true, email: true, displayName: true, alias: true } } },
  });
}

/** The group's history: audit events whose target is the group, newest first. */
export async function listGroupHistory(db: Db, workspaceId: string, groupId: string, take = 50) {
  return db.auditEvent.findMany({
    where: { workspaceId, targetType: "group", targetId: groupId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, actorEmail: true, createdAt: true, details: true },
  });
}
