import { z } from "zod";
import { permissions } from "@/lib/auth/permissions";

const idSchema = z.string().trim().min(1).max(64);

/** A custom role as the role editor sends it. */
const roleFields = z.object({
  name: z.string().trim().min(1, "Enter the role's name").max(60, "A role name has at most 60 characters"),
  consoleAccess: z.boolean(),
  permissions: z.array(z.enum(permissions)).max(permissions.length).transform((list) => [...new Set(list)]),
});

// Permissions act only in the console, so a role that cannot sign in to it holds none.
const holdsNothingWithoutConsole = (r: { consoleAccess: boolean; permissions: readonly string[] }) => r.consoleAccess || r.permissions.length === 0;
const withoutConsoleMessage = { path: ["permissions"], message: "A role without console access cannot hold permissions. Tick \"Can sign in to the console\" or clear them." };

export const createRoleSchema = roleFields.refine(holdsNothingWithoutConsole, withoutConsoleMessage);
export type CreateRoleInput = z.infer<typeof createRoleSchema>;

export const updateRoleSchema = roleFields.extend({ roleId: idSchema }).refine(holdsNothingWithoutConsole, withoutConsoleMessage);
export type UpdateRoleInput = z.infer<typeof updateRoleSchema>;

/** Deleting a role; its users (if any) move to the replacement in the same transaction. */
export const deleteRoleSchema = z.object({ roleId: idSchema, replacementRoleId: idSchema.optional() });
export type DeleteRoleInput = z.infer<typeof deleteRoleSchema>;
