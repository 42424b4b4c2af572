/**
 * The one authorization module: every permission, the built-in roles'
 * grants, and what each server action, route handler and page needs.
 * Nothing else spells a permission string; code asks `access` by name.
 */

/** Every permission a role can hold. */
export const permissions = [
  "users.read",
  "users.write",
  "users.delete",
  /** Set passwords, send password recovery emails and reset other users' sign-in factors (Reset 2FA Token; an administrator's also takes admins.manage). */
  "users.security",
  "groups.write",
  /** Create, edit and delete device profiles and apply them to users and groups. */
  "profiles.write",
  "devices.write",
  "licenses.write",
  "audit.read",
  "settings.write",
  /** Make or unmake administrators (any role holding this permission); the last-administrator rule counts its holders. */
  "admins.manage",
] as const;
export type Permission = (typeof permissions)[number];

/** What the role editor shows for each permission: a short label and what it lets a holder do. */
export const permissionInfo: Record<Permission, { label: string; description: string }> = {
  "users.read": { label: "View users", description: "See the users list, a user's details, devices, groups, licenses, reports and the mailbox." },
  "users.write": { label: "Manage users", description: "Create and edit users, add and import them, send instructions and resend emails." },
  "users.delete": { label: "Delete users", description: "Delete users with their devices and enrollment links." },
  "users.security": { label: "Manage sign-in security", description: "Set passwords, send password recovery emails and reset other users' two-factor authentication." },
  "groups.write": { label: "Manage groups", description: "Create, rename and delete groups and change their members." },
  "profiles.write": { label: "Manage profiles", description: "Create, edit and delete device profiles and apply them to groups and users." },
  "devices.write": { label: "Manage devices", description: "Create and revoke enrollment links and manage devices." },
  "licenses.write": { label: "Manage licenses", description: "Add and change the workspace's licenses." },
  "audit.read": { label: "View audit log", description: "Read the audit trail of everything done in the workspace." },
  "settings.write": { label: "Manage settings", description: "Rename the workspace and change its security settings." },
  "admins.manage": { label: "Manage roles and administrators", description: "Create, edit and delete roles, and give or take away roles that hold this permission." },
};

/**
 * The roles every workspace starts with, by stable key. Their grants are
 * read from here, never from the Role row, so a new permission reaches
 * every workspace's Administrator without a data backfill.
 */
export const builtInRoles = {
  admin: { name: "Administrator", consoleAccess: true, permissions: [...permissions] as readonly Permission[] },
  user: { name: "User", consoleAccess: false, permissions: [] as readonly Permission[] },
} as const;
export type BuiltInRoleKey = keyof typeof builtInRoles;

/** The permission that makes someone an administrator: the grant and last-administrator rules turn on it. */
export const MANAGE_ADMINS: Permission = "admins.manage";

/** Parses a custom role's stored permission list, ignoring names this code does not know. */
export function parsePermissions(stored: string): Set<Permission> {
  const known = new Set<string>(permissions);
  return new Set(stored.split(/\s+/).filter((p): p is Permission => known.has(p)));
}

/** The stored form of a custom role's permission list. */
export function formatPermissions(list: readonly Permission[]): string {
  return [...list].join(" ");
}

function isBuiltInKey(key: string | null): key is BuiltInRoleKey {
  return key !== null && Object.hasOwn(builtInRoles, key);
}

/** A role's permissions: a built-in role's from the code (its row's column is ignored), a custom role's from its row. */
export function rolePermissions(role: { key: string | null; permissions: string }): Set<Permission> {
  if (isBuiltInKey(role.key)) return new Set(builtInRoles[role.key].permissions);
  return parsePermissions(role.permissions);
}

/** Whether a role makes its holders administrators (it holds admins.manage). */
export function isAdminRole(role: { key: string | null; permissions: string }): boolean {
  return rolePermissions(role).has(MANAGE_ADMINS);
}

/** No permission, but a signed-in console session (own-account actions, the console frame). */
export const SIGNED_IN = "signedIn";
/** No session at all (sign-in, setup, Auth.js), each with its own rate limit. */
export const PUBLIC = "public";
/** A machine credential instead of a console session (the device agent API). */
export const MACHINE = "machine";
/**
 * A restricted session in a forced step after sign-in (a new password, 2FA
 * setup; lib/auth/restricted.ts): reaches only that step's page and actions.
 * A full console session does not satisfy it, nor it a console entry.
 */
export const RESTRICTED = "restricted";
export type Requirement = Permission | typeof SIGNED_IN | typeof PUBLIC | typeof MACHINE | typeof RESTRICTED;

/**
 * What every server action (by its exported name), route handler ("METHOD
 * /path") and console page ("page /path") needs. A test imports every
 * "use server" file and route and fails on an export missing here.
 */
export const access = {
  // app/(auth): before any session.
  signInAction: PUBLIC,
  signInCodeAction: PUBLIC,
  setupAction: PUBLIC,
  forgotPasswordAction: PUBLIC,
  setPasswordAction: PUBLIC,
  "GET /api/auth/[...nextauth]": PUBLIC,
  "POST /api/auth/[...nextauth]": PUBLIC,

  // Own account: a console session is enough.
  signOutAction: SIGNED_IN,
  changePasswordAction: SIGNED_IN,
  // Settings → Sessions: only ever one's own sessions (lib/auth/revoke-own-sessions.ts).
  revokeSessionAction: SIGNED_IN,
  revokeOtherSessionsAction: SIGNED_IN,
  enableTwoFactorAction: SIGNED_IN,
  disableTwoFactorAction: SIGNED_IN,
  regenerateRecoveryCodesAction: SIGNED_IN,

  // app/(auth)/account: forced steps right after sign-in, restricted sessions only.
  setNewPasswordAction: RESTRICTED,
  enableRequiredTwoFactorAction: RESTRICTED,
  "page /account/new-password": RESTRICTED,
  "page /account/two-factor": RESTRICTED,

  // app/console/settings
  renameWorkspaceAction: "settings.write",
  // app/console/settings/roles: making roles is making administrators.
  createRoleAction: "admins.manage",
  updateRoleAction: "admins.manage",
  deleteRoleAction: "admins.manage",
  updateSecuritySettingsAction: "settings.write",

  // app/console/users
  deleteUsersAction: "users.delete",
  updateUserAction: "users.write",
  sendInstructionsAction: "users.write",
  createUserAction: "users.write",
  checkExistingAction: "users.write",
  previewInstructionsAction: "users.write",
  addUsersAction: "users.write",
  revokeTokenAction: "devices.write",
  // Enroll Device: a new enrollment link for one user, shown once, no email.
  enrollDeviceAction: "devices.write",
  setUserPasswordsAction: "users.security",
  sendRecoveryEmailsAction: "users.security",
  resetTwoFactorAction: "users.security",

  // app/console/groups (also a user's Groups tab and the users list's bulk actions)
  createGroupAction: "groups.write",
  renameGroupAction: "groups.write",
  deleteGroupAction: "groups.write",
  addMembersAction: "groups.write",
  removeMembersAction: "groups.write",
  bulkMembershipAction: "groups.write",
  countSelectionAction: "users.read",
  suggestUsersAction: "users.read",
  suggestGroupsAction: "users.read",

  // app/console/users/import
  fixImportRowAction: "users.write",
  excludeImportRowAction: "users.write",
  setExistingModeAction: "users.write",
  cancelImportAction: "users.write",
  chooseImportColumnsAction: "users.write",
  startImportAction: "users.write",
  inviteImportedAction: "users.write",

  // app/console/profiles (and Manage Profiles on a user's page)
  createProfileAction: "profiles.write",
  updateProfileAction: "profiles.write",
  duplicateProfileAction: "profiles.write",
  deleteProfileAction: "profiles.write",
  assignProfileAction: "profiles.write",
  unassignProfileAction: "profiles.write",

  // app/console/devices
  renameDeviceAction: "devices.write",
  removeDeviceAction: "devices.write",

  // app/console/mailbox
  resendEmailAction: "users.write",
  sendNowAction: "users.write",

  // app/api: console routes
  "POST /api/users/export": "users.read",
  "GET /api/exports/[id]": "users.read",
  "POST /api/users/imports": "users.write",
  "GET /api/users/imports/[id]/errors": "users.read",
  "GET /api/users/import/template": SIGNED_IN,

  // app/api/agent: the device agent, with its own credentials.
  "POST /api/agent/enroll": MACHINE,
  "POST /api/agent/heartbeat": MACHINE,
  "GET /api/agent/policy": MACHINE,

  // Pages.
  "page /console": SIGNED_IN,
  "page /console/settings": SIGNED_IN,
  "page /console/settings/sessions": SIGNED_IN,
  "page /console/settings/two-factor": SIGNED_IN,
  "page /console/settings/roles": "admins.manage",
  "page /console/users": "users.read",
  "page /console/users/[id]": "users.read",
  "page /console/users/new": "users.write",
  "page /console/users/add": "users.write",
  "page /console/users/import": "users.write",
  "page /console/users/import/[id]": "users.write",
  "page /console/groups": "users.read",
  "page /console/groups/[id]": "users.read",
  "page /console/devices": "users.read",
  "page /console/devices/[id]": "users.read",
  "page /console/profiles": "users.read",
  "page /console/profiles/[id]": "users.read",
  "page /console/licenses": "users.read",
  "page /console/reports": "users.read",
  "page /console/mailbox": "users.read",
  "page /console/mailbox/[id]": "users.read",
  "page /console/audit": "audit.read",
} as const satisfies Record<string, Requirement>;
export type AccessKey = keyof typeof access;

type KeysWhere<V> = { [K in AccessKey]: (typeof access)[K] extends V ? K : never }[AccessKey];
/** Entries a console session can satisfy (a permission or signed-in). */
export type ConsoleAccessKey = KeysWhere<Permission | typeof SIGNED_IN>;
export type ActionKey = Extract<ConsoleAccessKey, `${string}Action`>;
export type RouteKey = Extract<ConsoleAccessKey, `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/${string}`>;
export type PageKey = Extract<ConsoleAccessKey, `page ${string}`>;
export type MachineRouteKey = KeysWhere<typeof MACHINE>;
/** Entries only a restricted (forced-step) session satisfies. */
export type RestrictedKey = KeysWhere<typeof RESTRICTED>;

/** Whether a set of permissions satisfies an entry of the map (for a console session). */
export function allows(held: ReadonlySet<Permission>, key: ConsoleAccessKey): boolean {
  const needed: Permission | typeof SIGNED_IN = access[key];
  return needed === SIGNED_IN || held.has(needed);
}

/** The permission an entry needs, or null when a signed-in session is enough. */
export function permissionFor(key: ConsoleAccessKey): Permission | null {
  const needed: Permission | typeof SIGNED_IN = access[key];
  return needed === SIGNED_IN ? null : needed;
}
