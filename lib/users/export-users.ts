import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import type { KeysetCursor } from "@/lib/db/keyset";
import { csvLine } from "@/lib/csv/escape";
import { twoFactorLabels } from "./labels";
import { fetchUsersInOrder, rowSelect, sortColumns, userListWhere } from "./list-users";
import type { UserListQuery } from "./schema";

/** The export's columns: the list's, then role, groups and when the user was added. */
export const exportHeader = ["Name", "Email", "Phone", "# of devices", "2FA status", "Last login", "Role", "Groups", "Created at"];

// Role and group names are looked up in maps rather than loaded as nested relations: Prisma's
// relation loading per batch cost several times the users query itself on PostgreSQL.
const exportSelect = { ...rowSelect, createdAt: true, roleId: true } satisfies Prisma.UserSelect;

/** One piece of the export: CSV text and how many user rows it holds (0 for the header). */
export type ExportBatch = { text: string; rows: number };

/**
 * The users list as CSV, in the list's order with its search and filters,
 * read in keyset batches so memory stays flat however many users there are:
 * first the header, then one piece per batch. Starts with a UTF-8 BOM so
 * spreadsheets read accents correctly; every cell is formula-neutralised
 * (lib/csv/escape.ts).
 */
export async function* exportUserBatches(db: Db, workspaceId: string, query: UserListQuery, batch = 1000): AsyncGenerator<ExportBatch> {
  yield { text: `\uFEFF${csvLine(exportHeader)}`, rows: 0 };
  const where = userListWhere(workspaceId, query);
  const column = sortColumns[query.sort];
  const roles = new Map((await db.role.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((r) => [r.id, r.name]));
  const groupNames = new Map<string, string>();
  let cursor: KeysetCursor | undefined;
  for (;;) {
    const rows = await fetchUsersInOrder(db, where, query, exportSelect, { take: batch, cursor });
    if (rows.length > 0) {
      const groups = await groupsOf(db, workspaceId, rows.map((u) => u.id), groupNames);
      const text = rows
        .map((u) =>
          csvLine([
            u.displayName || u.alias,
            u.email,
            u.phone,
            String(u.deviceCount),
            twoFactorLabels[u.twoFactor],
            u.lastLoginAt ? u.lastLoginAt.toISOString() : "",
            roles.get(u.roleId) ?? "",
            (groups.get(u.id) ?? []).sort().join("; "),
            u.createdAt.toISOString(),
          ]),
        )
        .join("");
      yield { text, rows: rows.length };
    }
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    cursor = { value: last[column.field], id: last.id };
  }
}

/** Each user's group names, from flat membership rows and a name cache filled as new group ids appear. */
async function groupsOf(db: Db, workspaceId: string, userIds: string[], names: Map<string, string>): Promise<Map<string, string[]>> {
  const members = await db.groupMember.findMany({ where: { workspaceId, userId: { in: userIds } }, select: { userId: true, groupId: true } });
  const unknown = [...new Set(members.map((m) => m.groupId).filter((id) => !names.has(id)))];
  if (unknown.length > 0) {
    const found = await db.group.findMany({ where: { workspaceId, id: { in: unknown } }, select: { id: true, name: true } });
    found.forEach((g) => names.set(g.id, g.name));
  }
  const byUser = new Map<string, string[]>();
  for (const m of members) {
    const name = names.get(m.groupId);
    if (name === undefined) continue;
    const list = byUser.get(m.userId);
    if (list) list.push(name);
    else byUser.set(m.userId, [name]);
  }
  return byUser;
}

/** The users list as CSV text pieces (exportUserBatches without the row counts). */
export async function* exportUserLines(db: Db, workspaceId: string, query: UserListQuery, batch = 1000): AsyncGenerator<string> {
  for await (const piece of exportUserBatches(db, workspaceId, query, batch)) yield piece.text;
}
