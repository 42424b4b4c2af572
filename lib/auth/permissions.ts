/** Every permission a role can hold. Actions check one of these by name. */
export const permissions = [
  "users.read",
  "users.write",
  "users.delete",
  "groups.write",
  "devices.write",
  "licenses.write",
  "audit.read",
  "settings.write",
] as const;
export type Permission = (typeof permissions)[number];

/** The roles every workspace starts with, by stable key. */
export const builtInRoles = {
  admin: { name: "Administrator", consoleAccess: true, permissions: [...permissions] },
  user: { name: "User", consoleAccess: false, permissions: [] as Permission[] },
} as const;
export type BuiltInRoleKey = keyof typeof builtInRoles;

/** Parses a role's stored permission list, ignoring names this code does not know. */
export function parsePermissions(stored: string): Set<Permission> {
  const known = new Set<string>(permissions);
  return new Set(stored.split(/\s+/).filter((p): p is Permission => known.has(p)));
}

/** The stored form of a permission list. */
export function formatPermissions(list: readonly Permission[]): string {
  return [...list].join(" ");
}
