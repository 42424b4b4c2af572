import type { Db } from "@/lib/db/client";

/**
 * A completed export of the workspace, with a generator of its stored text
 * in seq order, read a few chunks at a time so memory stays flat. Null for
 * an unknown id, another workspace's export, or one that never completed.
 */
export async function readExport(db: Db, workspaceId: string, id: string, batch = 4): Promise<{ id: string; fileName: string; lines: AsyncGenerator<string> } | null> {
  const found = await db.export.findFirst({ where: { id, workspaceId, completedAt: { not: null } }, select: { id: true, fileName: true } });
  if (!found) return null;

  async function* lines(): AsyncGenerator<string> {
    let next = 0;
    for (;;) {
      const chunks = await db.exportChunk.findMany({
        where: { exportId: id, seq: { gte: next }, export: { workspaceId } },
        orderBy: { seq: "asc" },
        take: batch,
        select: { seq: true, content: true },
      });
      for (const chunk of chunks) yield chunk.content;
      if (chunks.length < batch) return;
      next = chunks[chunks.length - 1].seq + 1;
    }
  }
  return { ...found, lines: lines() };
}
