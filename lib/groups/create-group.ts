import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { isUniqueViolation, nameTaken } from "./name-taken";
import { normalizeGroupName, type CreateGroupInput } from "./schema";

/**
 * Creates an empty group. The unique index (workspaceId, nameNormalized)
 * decides a duplicate, so two administrators creating "Sales" at once get
 * one group and one clear refusal.
 */
export async function createGroup(ctx: ConsoleContext, input: CreateGroupInput): Promise<{ id: string; name: string }> {
  try {
    return await transaction(ctx.db, async (tx) => {
      const group = await tx.group.create({
        data: { workspaceId: ctx.workspace.id, name: input.name, nameNormalized: normalizeGroupName(input.name), createdById: ctx.user.id },
        select: { id: true, name: true },
      });
      await recordAudit(tx, actorOf(ctx), { action: "group.create", targetType: "group", targetId: group.id, targetLabel: group.name });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}
