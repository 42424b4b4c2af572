import { actorOf, can, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { renderForViewing, type ViewedMessage } from "./render-message";

/**
 * Whether the context may read message bodies (the Mailbox, a message's page,
 * a user's Messages): the roles that may send instructions, as a body can
 * carry a working enrollment link. Others see the list (to, subject, status,
 * dates) only. The one place this rule is spelled.
 */
export function canReadMessageBodies(ctx: ConsoleContext): boolean {
  return can(ctx, "sendInstructionsAction");
}

/**
 * A message's body as the console shows it, rendered now from its kind and
 * parameters; its link is opened from the sealed token while the row holds
 * one, and hidden otherwise; showing a working link is audited
 * (`email.link_view`). Null for roles that may not read bodies, or a message
 * of another workspace.
 */
export async function readEmailMessageBody(ctx: ConsoleContext, id: string): Promise<ViewedMessage | null> {
  if (!canReadMessageBodies(ctx)) return null;
  const row = await ctx.db.emailMessage.findFirst({
    where: { id, workspaceId: ctx.workspace.id },
    select: { id: true, kind: true, params: true, sealedToken: true, to: true },
  });
  if (!row) return null;
  const viewed = await renderForViewing(row);
  // A working enrollment link was opened for someone's eyes: who saw whose link is on record.
  if (viewed.link === "shown") {
    await recordAudit(ctx.db, actorOf(ctx), { action: "email.link_view", targetType: "email", targetId: row.id, targetLabel: row.to });
  }
  return viewed;
}
