"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { consoleAction } from "@/lib/auth/action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { createRole } from "@/lib/roles/create-role";
import { deleteRole } from "@/lib/roles/delete-role";
import { createRoleSchema, deleteRoleSchema, updateRoleSchema } from "@/lib/roles/schema";
import { updateRole } from "@/lib/roles/update-role";

/** Creates a custom role (Settings → Roles). */
export const createRoleAction = consoleAction({ schema: createRoleSchema, access: "createRoleAction" }, async (ctx, input) => {
  const result = await createRole(ctx, input);
  revalidatePath("/console/settings/roles");
  return result;
});

/** Saves a custom role's name, console access and permissions. */
export const updateRoleAction = consoleAction({ schema: updateRoleSchema, access: "updateRoleAction" }, async (ctx, input) => {
  const result = await updateRole(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/settings/roles");
  revalidatePath("/console/users");
  return result;
});

/** Deletes a custom role, moving its users to the chosen replacement. */
export const deleteRoleAction = consoleAction({ schema: deleteRoleSchema, access: "deleteRoleAction" }, async (ctx, input) => {
  const result = await deleteRole(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath("/console/settings/roles");
  revalidatePath("/console/users");
  return result;
});
