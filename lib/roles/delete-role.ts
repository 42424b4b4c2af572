import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { lockWorkspaceRow } from "@/lib/db/workspace-lock";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { isAdminRole } from "@/lib/auth/permissions";
import { assertAdminsRemain, granterOf, roleGrantRefusal } from "@/lib/users/admin-rules";
import { applyConsoleAccessChange } from "@/lib/users/console-access-change";
import { assertCustomRole } from "./role-rules";
import type { DeleteRoleInput } from "./schema";

/**
 * Deletes a custom role. Its users (and pending invitations) move to the
 * replacement role in the same transaction; moving them is a role change
 * for each, so the grant rule and the last-administrator rule apply, under
 * the workspace's lock.
 */
export async function deleteRole(ctx: ConsoleContext, input: DeleteRoleInput, opts: { baseUrl: string; now?: Date }): Promise<{ moved: number }> {
  const ws = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    await lockWorkspaceRow(tx, ws);
    const role = await tx.role.findFirst({ where: { id: input.roleId, workspaceId: ws } });
    if (!role) throw new AppError("NOT_FOUND", { userMessage: "This role no longer exists." });
    assertCustomRole(role, "delete");
    const holders = await tx.user.findMany({ where: { workspaceId: ws, roleId: role.id }, select: { id: true, email: true }, orderBy: { id: "asc" } });

    const replacement = input.replacementRoleId ? await tx.role.findFirst({ where: { id: input.replacementRoleId, workspaceId: ws } }) : null;
    const field = (message: string) => ({ userMessage: message, fieldErrors: { replacementRoleId: [message] } });
    if (input.replacementRoleId && (!replacement || replacement.id === role.id)) throw new AppError("BAD_INPUT", field("Choose another role of this workspace"));
    if (holders.length > 0 && !replacement) {
      throw new AppError("BAD_INPUT", field(`Choose the role its ${holders.length === 1 ? "user gets" : `${holders.length} users get`} instead`));
    }
    const granter = granterOf(ctx);
    if (replacement) {
      for (const user of holders) {
        const refusal = roleGrantRefusal(granter, { userId: user.id, from: role, to: replacement });
        if (refusal) throw new AppError("FORBIDDEN", field(refusal));
      }
    }

    if (replacement && holders.length > 0) {
      await tx.user.updateMany({ where: { workspaceId: ws, roleId: role.id }, data: { roleId: replacement.id } });
      if (isAdminRole(role) && !isAdminRole(replacement)) await assertAdminsRemain(tx, ws, []);
      await applyConsoleAccessChange(tx, ctx, holders.map((u) => u.id), { from: role, to: replacement }, opts);
      for (const user of holders) {
        await recordAudit(tx, actorOf(ctx), {
          action: "user.update",
          targetType: "user",
          targetId: user.id,
          targetLabel: user.email,
          details: { changed: ["role"], role: { from: role.name, to: replacement.name }, reason: "role deleted" },
        });
      }
    }
    await tx.invitation.updateMany({ where: { workspaceId: ws, roleId: role.id }, data: { roleId: replacement?.id ?? null } });
    await tx.role.delete({ where: { id: role.id } });
    await recordAudit(tx, actorOf(ctx), {
      action: "role.delete",
      targetType: "role",
      targetId: role.id,
      targetLabel: role.name,
      details: { users: holders.length, ...(replacement ? { replacement: replacement.name } : {}) },
    });
    return { moved: holders.length };
  });
}
