import type { ConsoleContext } from "@/lib/auth/console-context";
import { rolePermissions, type BuiltInRoleKey, type Permission } from "@/lib/auth/permissions";

export type RoleRow = {
  id: string;
  name: string;
  builtIn: BuiltInRoleKey | null;
  consoleAccess: boolean;
  permissions: Permission[];
  users: number;
};

/** Every role of the workspace with its effective permissions and how many users hold it (one query). */
export async function listRoles(ctx: ConsoleContext): Promise<RoleRow[]> {
  const roles = await ctx.db.role.findMany({
    where: { workspaceId: ctx.workspace.id },
    select: { id: true, key: true, name: true, permissions: true, consoleAccess: true, createdAt: true, _count: { select: { users: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const order = (key: string | null) => (key === "admin" ? 0 : key === "user" ? 1 : 2);
  return roles
    .map((r) => ({
      id: r.id,
      name: r.name,
      builtIn: r.key === "admin" || r.key === "user" ? (r.key as BuiltInRoleKey) : null,
      consoleAccess: r.consoleAccess,
      permissions: [...rolePermissions(r)],
      users: r._count.users,
    }))
    .sort((a, b) => order(a.builtIn) - order(b.builtIn) || a.name.localeCompare(b.name, "en"));
}
