import type { Db } from "@/lib/db/client";

/** The workspace's groups with member counts, in one query. */
export function listGroups(db: Db, workspaceId: string) {
  return db.group.findMany({
    where: { workspaceId },
    orderBy: { nameNormalized: "asc" },
    select: { id: true, name: true, description: true, createdAt: true, _count: { select: { members: true } } },
  });
}
