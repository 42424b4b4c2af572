import { recordAudit } from "@/lib/audit/record";
import { sha256 } from "@/lib/crypto/tokens";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { actorOf, type ConsoleContext } from "./console-context";
import { describeDevice } from "./describe-device";
import { selfActor, type SelfContext } from "./self-context";

/**
 * Signs the signed-in person out of one of their other sessions. The delete
 * names the context's own user (and the scoped client its workspace), so
 * another person's session id matches nothing; this browser's own session
 * is ended by Sign out instead. The ended session's next request finds no
 * row and is signed out.
 */
export async function revokeOwnSession(ctx: ConsoleContext, input: { sessionId: string }): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const own = { id: input.sessionId, userId: ctx.user.id, workspaceId: ctx.workspace.id, idHash: { not: sha256(ctx.sid) } };
    const row = await tx.session.findFirst({ where: own, select: { userAgent: true, address: true } });
    const { count } = await tx.session.deleteMany({ where: own });
    if (!row || count === 0) throw new AppError("NOT_FOUND", { userMessage: "That session has already ended." });
    const device = describeDevice(row.userAgent);
    await recordAudit(tx, actorOf(ctx), {
      action: "auth.session_revoke",
      targetType: "user",
      targetId: ctx.user.id,
      targetLabel: ctx.user.email,
      details: { sessions: 1, device: `${device.browser} on ${device.os}`, sessionAddress: row.address },
    });
  });
}

/** Signs the signed-in person out of every session but this one; returns how many ended. */
export async function revokeOtherOwnSessions(ctx: ConsoleContext): Promise<{ ended: number }> {
  return transaction(ctx.db, async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: ctx.user.id, workspaceId: ctx.workspace.id, idHash: { not: sha256(ctx.sid) } } });
    if (count > 0) {
      await recordAudit(tx, actorOf(ctx), {
        action: "auth.session_revoke",
        targetType: "user",
        targetId: ctx.user.id,
        targetLabel: ctx.user.email,
        details: { sessions: count, allOthers: true },
      });
    }
    return { ended: count };
  });
}

/** Ends this browser's session and records the sign-out (a session in a forced step may sign out too). */
export async function signOutSession(ctx: SelfContext): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    await tx.session.deleteMany({ where: { idHash: sha256(ctx.sid), userId: ctx.user.id } });
    await recordAudit(tx, selfActor(ctx), { action: "auth.sign_out", targetType: "user", targetId: ctx.user.id, targetLabel: ctx.user.email });
  });
}
