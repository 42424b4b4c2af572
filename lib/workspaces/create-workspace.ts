import type { Db, Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { builtInRoles, type BuiltInRoleKey } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { aliasFromEmail, derivedUserColumns } from "@/lib/users/fields";
import type { CreateWorkspaceInput } from "./schema";
import { transaction } from "@/lib/db/transaction";

/** Creates the built-in roles of a new workspace and returns their ids by key; their grants stay in the code, not in the rows. */
export async function createBuiltInRoles(tx: Tx, workspaceId: string): Promise<Record<BuiltInRoleKey, string>> {
  const ids = {} as Record<BuiltInRoleKey, string>;
  for (const key of Object.keys(builtInRoles) as BuiltInRoleKey[]) {
    const role = builtInRoles[key];
    const row = await tx.role.create({
      data: { workspaceId, key, name: role.name, consoleAccess: role.consoleAccess, permissions: "" },
    });
    ids[key] = row.id;
  }
  return ids;
}

/**
 * Creates a workspace with its built-in roles and its first administrator,
 * the person filling in the setup form.
 */
export async function createWorkspace(db: Db, input: CreateWorkspaceInput) {
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const workspace = await tx.workspace.create({ data: { name: input.companyName } });
    const roles = await createBuiltInRoles(tx, workspace.id);
    const alias = aliasFromEmail(input.email);
    const admin = await tx.user.create({
      data: {
        workspaceId: workspace.id,
        email: input.email,
        alias,
        displayName: input.displayName,
        ...derivedUserColumns({ email: input.email, alias, displayName: input.displayName, phone: "" }),
        roleId: roles.admin,
        passwordHash,
        twoFactor: "NOT_CONFIGURED",
        source: "SETUP",
      },
      select: { id: true, email: true, workspaceId: true },
    });
    await recordAudit(tx, { workspaceId: workspace.id, actorId: admin.id, actorEmail: admin.email }, {
      action: "workspace.create",
      targetType: "workspace",
      targetId: workspace.id,
      targetLabel: workspace.name,
    });
    return { workspace, admin };
  });
}

/** Whether any workspace exists yet; with none, the console offers setup. */
export async function hasWorkspace(db: Db): Promise<boolean> {
  return (await db.workspace.count()) > 0;
}
