import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";

/**
 * "Send now" for a message waiting to retry: it becomes due at once (the
 * outbox worker takes it on its next round, within a second or two). A
 * conditional update, so a message that meanwhile was sent, failed or taken
 * by a worker is left alone and the admin is told.
 */
export async function sendNow(ctx: ConsoleContext, id: string, now = new Date()): Promise<void> {
  const row = await ctx.db.emailMessage.findFirst({ where: { id, workspaceId: ctx.workspace.id }, select: { to: true } });
  if (!row) throw new AppError("NOT_FOUND", { userMessage: "This message no longer exists." });
  const { count } = await ctx.db.emailMessage.updateMany({
    where: { id, workspaceId: ctx.workspace.id, status: "QUEUED", nextAttemptAt: { gt: now } },
    data: { nextAttemptAt: now },
  });
  if (count === 0) throw new AppError("CONFLICT", { userMessage: "This message is no longer waiting: it is being sent, or has been sent or failed." });
  await recordAudit(ctx.db, actorOf(ctx), { action: "email.send_now", targetType: "email", targetId: id, targetLabel: row.to });
}
