import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { membershipTargets } from "./membership-targets";
import type { MembershipInput } from "./schema";

/**
 * Removes every listed user from every listed group in one transaction;
 * users not in a group are skipped (removing twice is a no-op). One audit
 * event per group that lost members, with the count.
 */
export async function removeMembers(ctx: ConsoleContext, input: MembershipInput): Promise<{ removed: number; groups: { id: string; name: string; removed: number }[] }> {
  const ws = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    const { groups, userIds } = await membershipTargets(tx, ws, input);
    const result = [];
    for (const group of groups) {
      const { count } = await tx.groupMember.deleteMany({ where: { workspaceId: ws, groupId: group.id, userId: { in: userIds } } });
      if (count > 0) await recordAudit(tx, actorOf(ctx), { action: "group.remove_members", targetType: "group", targetId: group.id, targetLabel: group.name, details: { count, ...(userIds.length === 1 ? { userId: userIds[0] } : {}) } });
      result.push({ ...group, removed: count });
    }
    return { removed: result.reduce((n, g) => n + g.removed, 0), groups: result };
  }, { timeout: 60_000 });
}
