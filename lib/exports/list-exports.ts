import type { Db } from "@/lib/db/client";

/** A page of the workspace's stored exports, newest first, by offset (as the audit log). */
export async function listExports(db: Db, workspaceId: string, page: number, size = 50) {
  const [rows, total] = await Promise.all([
    db.export.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: { id: true, kind: true, fileName: true, description: true, rowCount: true, actorEmail: true, createdAt: true, completedAt: true },
    }),
    db.export.count({ where: { workspaceId } }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}
