import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { instructionRows } from "@/lib/users/send-instructions";
import { INSTRUCTIONS_KIND } from "./instructions";

export type ResendResult = { id: string };

/**
 * Resend a sent or failed message of the workspace: queues a new message to
 * the same address with a new enrollment token, so a new working link. The
 * original's token cannot be recovered (its sealed copy is blanked once the
 * message is sent or has failed), by design. The original stays as the
 * record of what happened, and nothing is revoked: its link, if it arrived,
 * keeps working. The new message carries the user's and workspace's current
 * names. Messages still queued or being sent are refused, as they will go out
 * anyway.
 */
export async function resendEmail(ctx: ConsoleContext, messageId: string, opts: { baseUrl: string; now?: Date }): Promise<ResendResult> {
  const workspaceId = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    const row = await tx.emailMessage.findFirst({ where: { id: messageId, workspaceId }, select: { id: true, kind: true, to: true, status: true, userId: true } });
    if (!row) throw new AppError("NOT_FOUND", { userMessage: "That message does not exist." });
    if (row.status !== "SENT" && row.status !== "FAILED") {
      throw new AppError("CONFLICT", { userMessage: "This message is still waiting to be sent; it will go out without a resend." });
    }
    if (row.kind !== INSTRUCTIONS_KIND) throw new AppError("CONFLICT", { userMessage: "This kind of message cannot be resent." });
    const user = row.userId
      ? await tx.user.findFirst({ where: { id: row.userId, workspaceId }, select: { id: true, displayName: true, alias: true } })
      : null;
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "The user this message was for no longer exists." });

    const { tokens, emails } = instructionRows(ctx, [{ ...user, email: row.to }], opts);
    await bulkInsert(tx, "EnrollmentToken", tokens);
    await bulkInsert(tx, "EmailMessage", emails);
    const result: ResendResult = { id: emails[0].id as string };
    await recordAudit(tx, actorOf(ctx), {
      action: "email.resend",
      targetType: "email",
      targetId: result.id,
      targetLabel: row.to,
      details: { kind: row.kind, originalId: row.id, originalStatus: row.status, tokenPrefix: tokens[0].prefix as string },
    });
    return result;
  });
}
