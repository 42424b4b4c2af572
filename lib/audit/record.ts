import type { Db, Tx } from "@/lib/db/client";
import { searchKey } from "@/lib/users/fields";

/** What the Audit page's "Who or what" search looks in: the actor's email and the target's name, as a search key. */
export function auditSearchText(actorEmail: string, targetLabel: string): string {
  return searchKey(`${actorEmail} ${targetLabel}`);
}

/** Who caused an event, and from which client address (console actions get it from their context; sign-in passes it). */
export type Actor = { workspaceId: string; actorId: string | null; actorEmail: string; address?: string };

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
      address: (actor.address ?? "").slice(0, 64),
      searchText: auditSearchText(actor.actorEmail, entry.targetLabel ?? ""),
    },
  });
}
