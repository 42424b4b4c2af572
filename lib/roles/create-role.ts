import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { formatPermissions } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { lockWorkspaceRow } from "@/lib/db/workspace-lock";
import { transaction } from "@/lib/db/transaction";
import { assertMayDefineRole } from "./role-rules";
import { assertRoleNameFree } from "./role-name";
import type { CreateRoleInput } from "./schema";

/** Creates a custom role from the declared permissions; only with permissions the creator holds (the grant rule). */
export async function createRole(ctx: ConsoleContext, input: CreateRoleInput): Promise<{ id: string }> {
  const ws = ctx.workspace.id;
  assertMayDefineRole(ctx, input.permissions);
  return transaction(ctx.db, async (tx) => {
    await lockWorkspaceRow(tx, ws);
    await assertRoleNameFree(tx, ws, input.name, null);
    const role = await tx.role.create({
      data: { workspaceId: ws, name: input.name, consoleAccess: input.consoleAccess, permissions: formatPermissions(input.permissions) },
      select: { id: true },
    });
    await recordAudit(tx, actorOf(ctx), {
      action: "role.create",
      targetType: "role",
      targetId: role.id,
      targetLabel: input.name,
      details: { consoleAccess: input.consoleAccess, permissions: input.permissions },
    });
    return role;
  });
}
