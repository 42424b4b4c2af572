"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { z } from "zod";
import { addMembers } from "@/lib/groups/add-members";
import { bulkMembership, bulkMembershipSchema, countSelection, userSelectionSchema } from "@/lib/groups/bulk-membership";
import { createGroup } from "@/lib/groups/create-group";
import { deleteGroup } from "@/lib/groups/delete-group";
import { removeMembers } from "@/lib/groups/remove-members";
import { renameGroup } from "@/lib/groups/rename-group";
import { createGroupSchema, deleteGroupSchema, membershipSchema, renameGroupSchema, suggestSchema } from "@/lib/groups/schema";
import { suggestGroups, suggestUsers } from "@/lib/groups/suggest";

/** Create group on the Groups list. */
export const createGroupAction = consoleAction({ schema: createGroupSchema, access: "createGroupAction" }, async (ctx, input) => {
  const group = await createGroup(ctx, input);
  revalidatePath("/console/groups");
  return group;
});

/** Rename on the Groups list and the group's page. */
export const renameGroupAction = consoleAction({ schema: renameGroupSchema, access: "renameGroupAction" }, async (ctx, input) => {
  const group = await renameGroup(ctx, input);
  revalidatePath("/console/groups");
  return group;
});

/** Delete on the Groups list and the group's page: the memberships go, the users stay. */
export const deleteGroupAction = consoleAction({ schema: deleteGroupSchema, access: "deleteGroupAction" }, async (ctx, input) => {
  const result = await deleteGroup(ctx, input);
  revalidatePath("/console/groups");
  return result;
});

/** Add users (group page), Add to group (user's Groups tab): every listed user into every listed group. */
export const addMembersAction = consoleAction({ schema: membershipSchema, access: "addMembersAction" }, async (ctx, input) => {
  const result = await addMembers(ctx, input);
  revalidatePath("/console/groups");
  revalidatePath("/console/users");
  return result;
});

/** Remove members (group page), Remove from group (user's Groups tab). */
export const removeMembersAction = consoleAction({ schema: membershipSchema, access: "removeMembersAction" }, async (ctx, input) => {
  const result = await removeMembers(ctx, input);
  revalidatePath("/console/groups");
  revalidatePath("/console/users");
  return result;
});

/** The Add users picker's suggestions: up to 10 users by name or email, not already in the group. */
export const suggestUsersAction = consoleAction({ schema: suggestSchema, access: "suggestUsersAction" }, async (ctx, input) => {
  return suggestUsers(ctx.db, ctx.workspace.id, input);
});

/** The Add to group type-ahead's suggestions: up to 10 groups by name, not already the user's. */
export const suggestGroupsAction = consoleAction({ schema: suggestSchema, access: "suggestGroupsAction" }, async (ctx, input) => {
  return (await suggestGroups(ctx.db, ctx.workspace.id, input)).map((g) => ({ id: g.id, name: g.name, members: g._count.members }));
});

/** Add to group / Remove from group on the users list: ticked rows, or every user matching the list's search and filters. */
export const bulkMembershipAction = consoleAction({ schema: bulkMembershipSchema, access: "bulkMembershipAction" }, async (ctx, input) => {
  const result = await bulkMembership(ctx, input);
  revalidatePath("/console/groups");
  revalidatePath("/console/users");
  return result;
});

/** How many users "all matching" names right now, shown in the confirmation before anything is done. */
export const countSelectionAction = consoleAction({ schema: z.object({ selection: userSelectionSchema }), access: "countSelectionAction" }, async (ctx, input) => {
  return countSelection(ctx, input.selection);
});
