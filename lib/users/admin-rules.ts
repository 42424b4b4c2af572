import type { Db, Tx } from "@/lib/db/client";
import { lockWorkspaceRow } from "@/lib/db/workspace-lock";
import { AppError } from "@/lib/errors";
import { isAdminRole, MANAGE_ADMINS, rolePermissions, type Permission } from "@/lib/auth/permissions";

/**
 * The rules about roles: who may give which role (the grant rule), and that
 * a workspace keeps at least one administrator, meaning an ACTIVE user whose
 * role holds admins.manage (whatever the role is called).
 */

export type RoleForRules = { id: string; key: string | null; name: string; permissions: string };
export type Granter = { userId: string | null; permissions: ReadonlySet<Permission> };

export const LAST_ADMIN_MESSAGE = "The workspace must keep at least one administrator. Make another user an administrator first.";

function within(role: RoleForRules, held: ReadonlySet<Permission>): boolean {
  return [...rolePermissions(role)].every((p) => held.has(p));
}

/**
 * Why `granter` may not give `to` to a user (`from` is the user's current
 * role; null for a new user), or null when allowed. A person can only give
 * (or take away) a role whose permissions are all their own; nobody changes
 * their own role; only a holder of admins.manage makes or unmakes an
 * administrator.
 */
export function roleGrantRefusal(granter: Granter, change: { userId: string | null; from: RoleForRules | null; to: RoleForRules }): string | null {
  const { from, to } = change;
  if (from && from.id === to.id) return null;
  if (from && change.userId !== null && change.userId === granter.userId) return "You cannot change your own role. Ask another administrator.";
  const touchesAdmin = isAdminRole(to) || (from !== null && isAdminRole(from));
  if (touchesAdmin && !granter.permissions.has(MANAGE_ADMINS)) {
    return from && isAdminRole(from) && !isAdminRole(to)
      ? `Only a user who may manage administrators can take the role "${from.name}" away`
      : `Only a user who may manage administrators can give the role "${to.name}"`;
  }
  if (!within(to, granter.permissions)) return `You cannot give the role "${to.name}": it holds permissions your role does not`;
  if (from && !within(from, granter.permissions)) return `You cannot change the role "${from.name}": it holds permissions your role does not`;
  return null;
}

/** Whether `granter` may give this role at all (to a new user): the import's review flags rows naming one it may not. */
export function mayGrantRole(granter: Granter, role: RoleForRules): boolean {
  return roleGrantRefusal(granter, { userId: null, from: null, to: role }) === null;
}

/**
 * Why `granter` may not delete a user holding `role`, or null when allowed.
 * Deleting takes the role away, so the grant rule applies: only a holder of
 * admins.manage deletes an administrator, and nobody deletes a user whose
 * role holds permissions their own does not.
 */
export function deletionRefusal(granter: Granter, user: { email: string; role: RoleForRules }): string | null {
  if (mayGrantRole(granter, user.role)) return null;
  return isAdminRole(user.role) && !granter.permissions.has(MANAGE_ADMINS)
    ? `Only a user who may manage administrators can delete an administrator (${user.email}).`
    : `You cannot delete ${user.email}: the role "${user.role.name}" holds permissions your role does not.`;
}

/** Throws FORBIDDEN, on the role field, when the grant rule refuses the change. */
export function assertMayGrantRole(granter: Granter, change: { userId: string | null; from: RoleForRules | null; to: RoleForRules }): void {
  const refusal = roleGrantRefusal(granter, change);
  if (refusal) throw new AppError("FORBIDDEN", { userMessage: refusal, fieldErrors: { roleId: [refusal] } });
}

/**
 * How many active administrators remain once `losing` lose the role (by
 * demotion, deletion or disabling), counted under the workspace's lock so
 * that concurrent changes cannot each see another administrator left.
 */
export async function adminsRemaining(tx: Tx, workspaceId: string, losing: readonly string[]): Promise<number> {
  await lockWorkspaceRow(tx, workspaceId);
  const roles = await tx.role.findMany({ where: { workspaceId }, select: { id: true, key: true, permissions: true } });
  const adminRoleIds = roles.filter(isAdminRole).map((r) => r.id);
  return tx.user.count({ where: { workspaceId, status: "ACTIVE", roleId: { in: adminRoleIds }, id: { notIn: [...losing] } } });
}

/** Refuses (CONFLICT) a change that would leave the workspace without an active administrator. */
export async function assertAdminsRemain(tx: Tx, workspaceId: string, losing: readonly string[]): Promise<void> {
  if ((await adminsRemaining(tx, workspaceId, losing)) === 0) throw new AppError("CONFLICT", { userMessage: LAST_ADMIN_MESSAGE });
}

/** A context's part in the grant rule. */
export function granterOf(ctx: { user: { id: string }; permissions: ReadonlySet<Permission> }): Granter {
  return { userId: ctx.user.id, permissions: ctx.permissions };
}

/**
 * A user's part in the grant rule as it stands now, for work done on their
 * behalf later (an import's worker): a user no longer active, or whose role
 * lost console access, grants nothing.
 */
export async function currentGranter(db: Db | Tx, workspaceId: string, userId: string | null): Promise<Granter> {
  const none = new Set<Permission>();
  if (!userId) return { userId: null, permissions: none };
  const user = await db.user.findFirst({ where: { id: userId, workspaceId }, select: { status: true, role: true } });
  const active = user && user.status === "ACTIVE" && user.role.consoleAccess;
  return { userId, permissions: active ? rolePermissions(user.role) : none };
}
