import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { DeleteGroupInput } from "./schema";

/** Deletes a group and its memberships; its users stay. The audit event keeps how many users it held. */
export async function deleteGroup(ctx: ConsoleContext, input: DeleteGroupInput): Promise<{ name: string; members: number }> {
  return transaction(ctx.db, async (tx) => {
    const group = await tx.group.findFirst({ where: { id: input.id, workspaceId: ctx.workspace.id }, select: { id: true, name: true, _count: { select: { members: true } } } });
    if (!group) throw new AppError("NOT_FOUND", { userMessage: "This group no longer exists." });
    const members = await tx.groupMember.deleteMany({ where: { groupId: group.id, workspaceId: ctx.workspace.id } });
    const { count } = await tx.group.deleteMany({ where: { id: group.id, workspaceId: ctx.workspace.id } });
    if (count === 0) throw new AppError("NOT_FOUND", { userMessage: "This group no longer exists." });
    await recordAudit(tx, actorOf(ctx), { action: "group.delete", targetType: "group", targetId: group.id, targetLabel: group.name, details: { members: members.count } });
    return { name: group.name, members: members.count };
  });
}
