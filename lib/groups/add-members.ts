import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { providerOf } from "@/lib/db/bulk-insert";
import { transaction } from "@/lib/db/transaction";
import { membershipTargets } from "./membership-targets";
import type { MembershipInput } from "./schema";

/**
 * Adds every listed user to every listed group in one transaction. Adding
 * someone already in the group is a no-op (INSERT … ON CONFLICT DO NOTHING,
 * on both engines), so a retried or concurrent add never fails nor doubles.
 * One audit event per group, counting the users actually added.
 */
export async function addMembers(ctx: ConsoleContext, input: MembershipInput): Promise<{ added: number; groups: { id: string; name: string; added: number }[] }> {
  const ws = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    const { groups, userIds } = await membershipTargets(tx, ws, input);
    const now = new Date();
    const result = [];
    for (const group of groups) {
      const added = await insertMemberships(tx, { workspaceId: ws, groupId: group.id, userIds, createdById: ctx.user.id, now });
      if (added > 0) await recordAudit(tx, actorOf(ctx), { action: "group.add_members", targetType: "group", targetId: group.id, targetLabel: group.name, details: { count: added, ...(userIds.length === 1 ? { userId: userIds[0] } : {}) } });
      result.push({ ...group, added });
    }
    return { added: result.reduce((n, g) => n + g.added, 0), groups: result };
  }, { timeout: 60_000 });
}

/**
 * One statement: the memberships of the listed users (only this workspace's,
 * read from the User table itself) in a group, skipping those that exist.
 * Returns how many were inserted.
 */
async function insertMemberships(tx: Tx, m: { workspaceId: string; groupId: string; userIds: string[]; createdById: string; now: Date }): Promise<number> {
  const ids = JSON.stringify(m.userIds);
  if (providerOf(tx) === "sqlite") {
    return tx.$executeRawUnsafe(
      `INSERT INTO "GroupMember" ("groupId", "userId", "workspaceId", "createdById", "createdAt")
       SELECT ?, u."id", u."workspaceId", ?, ? FROM "User" u WHERE u."workspaceId" = ? AND u."id" IN (SELECT value FROM json_each(?))
       ON CONFLICT DO NOTHING`,
      m.groupId, m.createdById, m.now.toISOString().replace("Z", "+00:00"), m.workspaceId, ids,
    );
  }
  return tx.$executeRawUnsafe(
    `INSERT INTO "GroupMember" ("groupId", "userId", "workspaceId", "createdById", "createdAt")
     SELECT $1, u."id", u."workspaceId", $2, $3::timestamp(3) FROM "User" u WHERE u."workspaceId" = $4 AND u."id" IN (SELECT json_array_elements_text($5::json))
     ON CONFLICT DO NOTHING`,
    m.groupId, m.createdById, m.now.toISOString(), m.workspaceId, ids,
  );
}
