import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { endUserSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isAdminRole } from "@/lib/auth/permissions";
import { assertAdminsRemain, deletionRefusal, granterOf } from "./admin-rules";
import { transaction } from "@/lib/db/transaction";

/**
 * Deletes users of the context's workspace with their devices, tokens and
 * sessions, in one transaction. Ids from another workspace match nothing.
 */
export async function deleteUsers(ctx: ConsoleContext, input: { userIds: string[] }) {
  const ids = [...new Set(input.userIds)];
  if (ids.includes(ctx.user.id)) {
    throw new AppError("CONFLICT", { userMessage: "You cannot delete your own account. Ask another administrator." });
  }
  return transaction(ctx.db, async (tx) => {
    const users = await tx.user.findMany({
      where: { workspaceId: ctx.workspace.id, id: { in: ids } },
      select: { id: true, email: true, deviceCount: true, role: { select: { id: true, key: true, name: true, permissions: true } } },
    });
    if (users.length === 0) throw new AppError("NOT_FOUND", { userMessage: "Those users no longer exist." });
    const granter = granterOf(ctx);
    const refusal = users.map((u) => deletionRefusal(granter, u)).find((r) => r !== null);
    if (refusal) throw new AppError("FORBIDDEN", { userMessage: refusal });
    const found = users.map((u) => u.id);
    if (users.some((u) => isAdminRole(u.role))) await assertAdminsRemain(tx, ctx.workspace.id, found);

    // Tokens are revoked before the rows go, so a link in flight stops working even if a cascade is skipped.
    await tx.enrollmentToken.updateMany({ where: { workspaceId: ctx.workspace.id, userId: { in: found }, revokedAt: null }, data: { revokedAt: new Date() } });
    await endUserSessions(tx, ctx.workspace.id, found);
    await tx.user.deleteMany({ where: { workspaceId: ctx.workspace.id, id: { in: found } } });
    for (const user of users) {
      await recordAudit(tx, actorOf(ctx), {
        action: "user.delete",
        targetType: "user",
        targetId: user.id,
        targetLabel: user.email,
        details: { devices: user.deviceCount },
      });
    }
    return { deleted: users.length, devices: users.reduce((sum, u) => sum + u.deviceCount, 0) };
  });
}
