import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MembershipInput } from "./schema";

/**
 * The groups and users a membership change names, all of this workspace:
 * an id from another workspace (or one deleted meanwhile) refuses the whole
 * change, so nothing is half-done.
 */
export async function membershipTargets(tx: Tx, workspaceId: string, input: MembershipInput) {
  const groupIds = [...new Set(input.groupIds)];
  const userIds = [...new Set(input.userIds)];
  const groups = await tx.group.findMany({ where: { id: { in: groupIds }, workspaceId }, select: { id: true, name: true } });
  if (groups.length !== groupIds.length) throw new AppError("NOT_FOUND", { userMessage: groupIds.length === 1 ? "This group no longer exists." : "One of the chosen groups no longer exists." });
  const users = await tx.user.count({ where: { id: { in: userIds }, workspaceId } });
  if (users !== userIds.length) throw new AppError("NOT_FOUND", { userMessage: userIds.length === 1 ? "This user no longer exists." : "Some of the chosen users no longer exist." });
  return { groups, userIds };
}
