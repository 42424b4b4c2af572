import { z } from "zod";
import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import type { Tx } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { enrollmentTokenRow, newEnrollmentToken } from "@/lib/enrollment/tokens";
import { AppError } from "@/lib/errors";
import { INSTRUCTIONS_KIND, instructionsSubject } from "@/lib/mail/instructions";
import { emailRow } from "@/lib/mail/outbox";

export type InstructionRecipient = { id: string; email: string; displayName: string; alias: string };

/**
 * The rows that send each recipient the instructions: a new enrollment token
 * (stored as its SHA-256) and a queued message holding the template's
 * parameters and that token sealed, never a rendered body with the link in
 * clear. The outbox renders the message when it sends it.
 */
export function instructionRows(
  ctx: ConsoleContext,
  recipients: InstructionRecipient[],
  opts: { baseUrl: string; now?: Date },
): { tokens: Record<string, BulkValue>[]; emails: Record<string, BulkValue>[] } {
  const now = opts.now ?? new Date();
  const companyName = ctx.workspace.name;
  const subject = instructionsSubject(companyName);
  const tokens: Record<string, BulkValue>[] = [];
  const emails: Record<string, BulkValue>[] = [];
  for (const user of recipients) {
    const token = newEnrollmentToken(now);
    tokens.push(enrollmentTokenRow({ workspaceId: ctx.workspace.id, userId: user.id, createdById: ctx.user.id, token, now }));
    const params = { companyName, name: user.displayName || user.alias, baseUrl: opts.baseUrl };
    emails.push(emailRow({ workspaceId: ctx.workspace.id, userId: user.id, kind: INSTRUCTIONS_KIND, to: user.email, subject, params, token: token.token }, now));
  }
  return { tokens, emails };
}

/**
 * Queues the instruction email for each recipient, each message with its own
 * new enrollment token, in the caller's transaction (bulk rows, so thousands
 * stay fast). Returns how many were queued.
 */
export async function queueInstructions(
  tx: Tx,
  ctx: ConsoleContext,
  recipients: InstructionRecipient[],
  opts: { baseUrl: string; now?: Date },
): Promise<number> {
  if (recipients.length === 0) return 0;
  const { tokens, emails } = instructionRows(ctx, recipients, opts);
  await bulkInsert(tx, "EnrollmentToken", tokens);
  await bulkInsert(tx, "EmailMessage", emails);
  return recipients.length;
}

export const sendInstructionsSchema = z.object({
  userIds: z.array(z.string().min(1).max(40)).min(1, "Select at least one user").max(3000, "Send to at most 3,000 users at once"),
});

/** "Send instructions" for chosen users of the workspace (list or user page). */
export async function sendInstructions(ctx: ConsoleContext, input: z.infer<typeof sendInstructionsSchema>, opts: { baseUrl: string }) {
  return transaction(ctx.db, async (tx) => {
    const users = await tx.user.findMany({
      where: { workspaceId: ctx.workspace.id, id: { in: [...new Set(input.userIds)] } },
      select: { id: true, email: true, displayName: true, alias: true },
    });
    if (users.length === 0) throw new AppError("NOT_FOUND", { userMessage: "Those users no longer exist." });
    const queued = await queueInstructions(tx, ctx, users, opts);
    await recordAudit(tx, actorOf(ctx), {
      action: "users.send_instructions",
      targetType: "user",
      targetId: users.length === 1 ? users[0].id : null,
      targetLabel: users.length === 1 ? users[0].email : `${users.length} users`,
      details: { count: users.length },
    });
    return { queued };
  }, { timeout: 60_000 });
}
