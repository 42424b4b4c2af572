import type { Db } from "@/lib/db/client";
import { twoFactorLabels } from "./labels";
import type { UserListQuery } from "./schema";

const sortLabels: Record<UserListQuery["sort"], string> = {
  name: "name",
  email: "email",
  phone: "phone",
  devices: "# of devices",
  twoFactor: "2FA status",
  lastLogin: "last login",
};

/**
 * The users list's search, filters and order in a few words, e.g.
 * `Search "smith" · Role: User · Has devices · sorted by last login, descending`,
 * for the Reports page. Reads the role's name (scoped to the workspace).
 */
export async function describeUserListQuery(db: Db, workspaceId: string, query: UserListQuery): Promise<string> {
  const parts: string[] = [];
  if (query.q) parts.push(`Search "${query.q}"`);
  if (query.role) {
    const role = await db.role.findFirst({ where: { id: query.role, workspaceId }, select: { name: true } });
    parts.push(`Role: ${role?.name ?? "(deleted role)"}`);
  }
  if (query.twoFactor) parts.push(`2FA: ${twoFactorLabels[query.twoFactor]}`);
  if (query.devices) parts.push(query.devices === "yes" ? "Has devices" : "No devices");
  if (query.instructions) parts.push(query.instructions === "sent" ? "Sent instructions" : "Never sent instructions");
  if (parts.length === 0) parts.push("All users");
  const order = `sorted by ${sortLabels[query.sort]}${query.dir === "desc" ? ", descending" : ""}`;
  return `${parts.join(" · ")} · ${order}`;
}
