import type { Db, Tx } from "@/lib/db/client";

export type Actor = { workspaceId: string; actorId: string | null; actorEmail: string };

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string;
  details?: Record<string, unknown>;
};

/** Writes an audit event in the caller's transaction, so the record and the change land together. */
export async function recordAudit(tx: Db | Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.actorId,
      actorEmail: actor.actorEmail,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel ?? "",
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}
