import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { formatPermissions, isAdminRole, rolePermissions } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { lockWorkspaceRow } from "@/lib/db/workspace-lock";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { assertAdminsRemain } from "@/lib/users/admin-rules";
import { applyConsoleAccessChange } from "@/lib/users/console-access-change";
import { assertCustomRole, assertMayDefineRole } from "./role-rules";
import { assertRoleNameFree } from "./role-name";
import type { UpdateRoleInput } from "./schema";

/**
 * Edits a custom role: its name, console access and permissions. The grant
 * rule covers what it held and what it will hold; nobody edits the role
 * they hold; a role that stops making administrators must leave one; its
 * holders joining or leaving the console get what a role change gives.
 */
export async function updateRole(ctx: ConsoleContext, input: UpdateRoleInput, opts: { baseUrl: string; now?: Date }): Promise<{ id: string; activationEmails: number }> {
  const ws = ctx.workspace.id;
  assertMayDefineRole(ctx, input.permissions);
  return transaction(ctx.db, async (tx) => {
    await lockWorkspaceRow(tx, ws);
    const role = await tx.role.findFirst({ where: { id: input.roleId, workspaceId: ws } });
    if (!role) throw new AppError("NOT_FOUND", { userMessage: "This role no longer exists." });
    assertCustomRole(role, "edit");
    const before = [...rolePermissions(role)];
    if (before.some((p) => !ctx.permissions.has(p))) {
      throw new AppError("FORBIDDEN", { userMessage: `You cannot change the role "${role.name}": it holds permissions your role does not.` });
    }
    const holders = await tx.user.findMany({ where: { workspaceId: ws, roleId: role.id }, select: { id: true, email: true } });
    if (holders.some((u) => u.id === ctx.user.id)) throw new AppError("FORBIDDEN", { userMessage: "You cannot change your own role. Ask another administrator." });
    await assertRoleNameFree(tx, ws, input.name, role.id);

    const updated = await tx.role.update({
      where: { id: role.id },
      data: { name: input.name, consoleAccess: input.consoleAccess, permissions: formatPermissions(input.permissions) },
    });
    if (isAdminRole(role) && !isAdminRole(updated)) await assertAdminsRemain(tx, ws, []);
    const activationEmails = await applyConsoleAccessChange(tx, ctx, holders.map((u) => u.id), { from: role, to: updated }, opts);

    const added = input.permissions.filter((p) => !before.includes(p));
    const removed = before.filter((p) => !input.permissions.includes(p));
    await recordAudit(tx, actorOf(ctx), {
      action: "role.update",
      targetType: "role",
      targetId: role.id,
      targetLabel: updated.name,
      details: {
        ...(role.name !== updated.name ? { name: { from: role.name, to: updated.name } } : {}),
        ...(role.consoleAccess !== updated.consoleAccess ? { consoleAccess: updated.consoleAccess } : {}),
        added,
        removed,
        users: holders.length,
      },
    });
    return { id: role.id, activationEmails };
  });
}
