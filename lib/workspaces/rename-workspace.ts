import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";

/** Renames the context's workspace (the company name shown in the console and in emails). */
export async function renameWorkspace(ctx: ConsoleContext, input: { companyName: string }) {
  await transaction(ctx.db, async (tx) => {
    await tx.workspace.update({ where: { id: ctx.workspace.id }, data: { name: input.companyName } });
    await recordAudit(tx, actorOf(ctx), {
      action: "workspace.rename",
      targetType: "workspace",
      targetId: ctx.workspace.id,
      targetLabel: input.companyName,
      details: { from: ctx.workspace.name },
    });
  });
}
