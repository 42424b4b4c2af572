import type { Actor } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { deleteOldExports } from "./delete-old-exports";

/** What the Reports page shows about an export before any row is written. */
export type ExportMeta = { kind: string; fileName: string; description: string };

/** A piece of an export as its producer streams it: text, and how many data rows it holds. */
export type ExportPiece = { text: string; rows: number };

/**
 * Starts a stored export: deletes the workspace's expired exports, creates
 * the Export row, and returns its id with a generator that passes the
 * producer's text through, storing each piece as one ExportChunk (seq 0, 1,
 * 2 …) before handing it on, so only one piece is ever held. When the
 * producer is done the row gets its row count and completedAt; a consumer
 * that stops early (a cancelled download) leaves completedAt null.
 */
export async function recordExport(db: Db, actor: Actor, meta: ExportMeta, pieces: AsyncIterable<ExportPiece>): Promise<{ id: string; lines: AsyncGenerator<string> }> {
  const { workspaceId } = actor;
  await deleteOldExports(db, workspaceId);
  const { id } = await db.export.create({
    data: { workspaceId, kind: meta.kind, fileName: meta.fileName, description: meta.description, actorId: actor.actorId, actorEmail: actor.actorEmail },
    select: { id: true },
  });

  async function* lines(): AsyncGenerator<string> {
    let seq = 0;
    let rowCount = 0;
    for await (const piece of pieces) {
      if (piece.text === "") continue;
      await db.exportChunk.create({ data: { exportId: id, workspaceId, seq, content: piece.text } });
      seq++;
      rowCount += piece.rows;
      yield piece.text;
    }
    await db.export.update({ where: { id, workspaceId }, data: { rowCount, completedAt: new Date() } });
  }
  return { id, lines: lines() };
}
