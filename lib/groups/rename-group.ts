import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { isUniqueViolation, nameTaken } from "./name-taken";
import { normalizeGroupName, type RenameGroupInput } from "./schema";

/** Renames a group of the workspace; a name another group has (in any case) is refused by the unique index. */
export async function renameGroup(ctx: ConsoleContext, input: RenameGroupInput): Promise<{ id: string; name: string }> {
  try {
    return await transaction(ctx.db, async (tx) => {
      const before = await tx.group.findFirst({ where: { id: input.id, workspaceId: ctx.workspace.id }, select: { id: true, name: true } });
      if (!before) throw new AppError("NOT_FOUND", { userMessage: "This group no longer exists." });
      if (before.name === input.name) return before;
      const group = await tx.group.update({
        where: { id: before.id },
        data: { name: input.name, nameNormalized: normalizeGroupName(input.name) },
        select: { id: true, name: true },
      });
      await recordAudit(tx, actorOf(ctx), { action: "group.rename", targetType: "group", targetId: group.id, targetLabel: group.name, details: { from: before.name, to: group.name } });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}
