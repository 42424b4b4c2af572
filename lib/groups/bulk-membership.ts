import { z } from "zod";
import type { ConsoleContext } from "@/lib/auth/console-context";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { userListWhere } from "@/lib/users/list-users";
import { userListQuerySchema } from "@/lib/users/schema";
import { addMembers } from "./add-members";
import { removeMembers } from "./remove-members";
import { MEMBERSHIP_BATCH } from "./schema";

const id = z.string().trim().min(1).max(64);

/** The users list's search and filters, as "all users matching" names them (no order or page). */
export const matchingSchema = z.object({
  q: z.string().max(200).optional(),
  role: z.string().max(40).optional(),
  twoFactor: z.string().max(40).optional(),
  devices: z.string().max(10).optional(),
  instructions: z.string().max(10).optional(),
});

/** Users chosen from the list: either ids (rows ticked on a page) or every user matching the list's search and filters. */
export const userSelectionSchema = z.union([
  z.object({ userIds: z.array(id).min(1, "Select at least one user").max(MEMBERSHIP_BATCH) }),
  z.object({ matching: matchingSchema }),
]);
export type UserSelection = z.infer<typeof userSelectionSchema>;

/** Add to group / Remove from group from the users list. */
export const bulkMembershipSchema = z.object({
  op: z.enum(["add", "remove"]),
  groupIds: z.array(id).min(1, "Choose at least one group").max(100),
  selection: userSelectionSchema,
});
export type BulkMembershipInput = z.infer<typeof bulkMembershipSchema>;

/** The where of "all matching": the list's own filter code (lib/users/list-users.ts), read through the same schema. */
export function matchingWhere(workspaceId: string, matching: z.infer<typeof matchingSchema>): Prisma.UserWhereInput {
  return userListWhere(workspaceId, userListQuerySchema.parse({ ...matching, cursor: "" }));
}

/** How many users a selection names (the count shown before anything is done). */
export async function countSelection(ctx: ConsoleContext, selection: UserSelection): Promise<number> {
  if ("userIds" in selection) return ctx.db.user.count({ where: { workspaceId: ctx.workspace.id, id: { in: [...new Set(selection.userIds)] } } });
  return ctx.db.user.count({ where: matchingWhere(ctx.workspace.id, selection.matching) });
}

/**
 * Yields the selection's user ids in batches of MEMBERSHIP_BATCH, walking
 * "all matching" by id so users added or removed meanwhile neither repeat
 * nor stop the walk.
 */
export async function* selectionBatches(ctx: ConsoleContext, selection: UserSelection): AsyncGenerator<string[]> {
  if ("userIds" in selection) {
    yield selection.userIds;
    return;
  }
  const where = matchingWhere(ctx.workspace.id, selection.matching);
  let after = "";
  for (;;) {
    const rows = await ctx.db.user.findMany({ where: { AND: [where, ...(after ? [{ id: { gt: after } }] : [])] }, orderBy: { id: "asc" }, take: MEMBERSHIP_BATCH, select: { id: true } });
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    if (rows.length < MEMBERSHIP_BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Adds or removes a selection of users to or from groups, one transaction
 * per batch of 500 users; each batch is idempotent, so running it again
 * after an interruption finishes the job without doubling anything.
 */
export async function bulkMembership(ctx: ConsoleContext, input: BulkMembershipInput): Promise<{ users: number; changed: number }> {
  let users = 0;
  let changed = 0;
  for await (const userIds of selectionBatches(ctx, input.selection)) {
    users += userIds.length;
    if (input.op === "add") changed += (await addMembers(ctx, { groupIds: input.groupIds, userIds })).added;
    else changed += (await removeMembers(ctx, { groupIds: input.groupIds, userIds })).removed;
  }
  return { users, changed };
}
