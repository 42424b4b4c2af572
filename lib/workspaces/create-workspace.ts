import { assertPasswordPolicy } from "@/lib/auth/password-policy";
import type { Db, Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { builtInRoles, type BuiltInRoleKey } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { aliasFromEmail, derivedUserColumns } from "@/lib/users/fields";
import type { CreateWorkspaceInput } from "./schema";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

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

/** The answer to a setup that finds the console already set up. */
export const ALREADY_SET_UP_MESSAGE = "This console already has a workspace. Sign in instead.";
const SETUP_CLAIM_ID = "first-workspace";

/**
 * Creates a workspace with its built-in roles and its first administrator,
 * the person filling in the setup form. Unless `openSignup` (ROSTER_OPEN_SIGNUP=true),
 * only the console's first workspace may be created: the transaction claims
 * the one SetupClaim row (a fixed primary key), so of several simultaneous
 * setups one commits and the others fail on the key and write nothing; it
 * then checks that no other workspace exists (one made while signup was open).
 */
export async function createWorkspace(db: Db, input: CreateWorkspaceInput, opts: { openSignup?: boolean; address?: string } = {}) {
  const openSignup = opts.openSignup ?? process.env.ROSTER_OPEN_SIGNUP === "true";
  assertPasswordPolicy(input.password, input.email, "password");
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const workspace = await tx.workspace.create({ data: { name: input.companyName } });
    if (!openSignup) await claimFirstSetup(tx, workspace.id);
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
        twoFactor: "NOT_ACTIVE",
        source: "SETUP",
      },
      select: { id: true, email: true, workspaceId: true },
    });
    await recordAudit(tx, { workspaceId: workspace.id, actorId: admin.id, actorEmail: admin.email, address: opts.address }, {
      action: "workspace.create",
      targetType: "workspace",
      targetId: workspace.id,
      targetLabel: workspace.name,
    });
    return { workspace, admin };
  });
}

/** Takes the console's one setup for this workspace, or throws ALREADY_SET_UP_MESSAGE. */
async function claimFirstSetup(tx: Tx, workspaceId: string): Promise<void> {
  try {
    // On PostgreSQL a second claimer waits here for the first to commit, then fails on the key.
    await tx.setupClaim.create({ data: { id: SETUP_CLAIM_ID, workspaceId } });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") throw new AppError("CONFLICT", { userMessage: ALREADY_SET_UP_MESSAGE });
    throw error;
  }
  if ((await tx.workspace.count({ where: { id: { not: workspaceId } } })) > 0) throw new AppError("CONFLICT", { userMessage: ALREADY_SET_UP_MESSAGE });
}

/** Whether any workspace exists yet; with none, the console offers setup. */
export async function hasWorkspace(db: Db): Promise<boolean> {
  return (await db.workspace.count()) > 0;
}
