import type { Db } from "@/lib/db/client";

/** A page of the workspace's audit events, newest first, by offset (the log is append-only). */
export async function listAuditEvents(db: Db, workspaceId: string, page: number, size = 50) {
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
    }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}
