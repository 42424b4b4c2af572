import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { readWorkspaceSettings } from "./settings";

/** Saves Settings → Security (Require 2FA for administrators); other settings in the JSON are kept as they are. */
export async function updateSecuritySettings(ctx: ConsoleContext, input: { requireAdminTwoFactor: boolean }): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const current = await readWorkspaceSettings(tx, ctx.workspace.id);
    if (current.requireAdminTwoFactor === input.requireAdminTwoFactor) return;
    await tx.workspace.update({ where: { id: ctx.workspace.id }, data: { settings: JSON.stringify({ ...current, requireAdminTwoFactor: input.requireAdminTwoFactor }) } });
    await recordAudit(tx, actorOf(ctx), {
      action: "workspace.security_settings",
      targetType: "workspace",
      targetId: ctx.workspace.id,
      targetLabel: ctx.workspace.name,
      details: { requireAdminTwoFactor: input.requireAdminTwoFactor },
    });
  });
}
