import type { Db } from "@/lib/db/client";
import { categoryWhere, importCategories, type ImportCategory } from "./categories";
import { splitGroups, updatedFields, type ImportValues, type RowIssue } from "./row";

/** One import of the workspace, or null (unknown id, or another workspace's). */
export function getImportRun(db: Db, workspaceId: string, id: string) {
  return db.importRun.findFirst({ where: { id, workspaceId } });
}
export type ImportRunRecord = NonNullable<Awaited<ReturnType<typeof getImportRun>>>;
export type ImportStatus = ImportRunRecord["status"];

/** How many rows each review category holds. */
export async function countCategories(db: Db, importRunId: string): Promise<Record<ImportCategory, number>> {
  const counts = await Promise.all(importCategories.map((c) => db.importRow.count({ where: categoryWhere(importRunId, c) })));
  return Object.fromEntries(importCategories.map((c, i) => [c, counts[i]])) as Record<ImportCategory, number>;
}

/** Groups the file names that the workspace does not have yet (they will be created), by name as first written. */
export async function newGroupNames(db: Db, workspaceId: string, importRunId: string): Promise<string[]> {
  const cells = await db.importRow.groupBy({ by: ["groups"], where: { importRunId, excluded: false, groups: { not: "" } } });
  const named = new Map<string, string>();
  for (const { groups } of cells) for (const name of splitGroups(groups)) if (!named.has(name.toLowerCase())) named.set(name.toLowerCase(), name);
  if (named.size === 0) return [];
  const existing = await db.group.findMany({ where: { workspaceId, nameNormalized: { in: [...named.keys()] } }, select: { nameNormalized: true } });
  existing.forEach((g) => named.delete(g.nameNormalized));
  return [...named.values()].sort((a, b) => a.localeCompare(b));
}

export type ReviewRow = {
  rowNumber: number;
  values: ImportValues;
  issues: RowIssue[];
  overLicense: boolean;
  existing: boolean;
  excluded: boolean;
  outcome: string | null;
  outcomeReason: string | null;
};

/** A page of an import's rows in one category, in file order. */
export async function listImportRows(
  db: Db,
  importRunId: string,
  category: ImportCategory,
  page: { number: number; size: number },
): Promise<ReviewRow[]> {
  const rows = await db.importRow.findMany({
    where: categoryWhere(importRunId, category),
    orderBy: { rowNumber: "asc" },
    skip: (page.number - 1) * page.size,
    take: page.size,
  });
  return rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: valuesOf(r),
    issues: JSON.parse(r.issues) as RowIssue[],
    overLicense: r.overLicense,
    existing: r.existingUserId !== null,
    excluded: r.excluded,
    outcome: r.outcome,
    outcomeReason: r.outcomeReason,
  }));
}

/** The editable cells of a stored row. */
export function valuesOf(row: ImportValues): ImportValues {
  return {
    email: row.email,
    name: row.name,
    phone: row.phone,
    groups: row.groups,
    role: row.role,
    exchangeDomain: row.exchangeDomain,
    exchangeUsername: row.exchangeUsername,
  };
}

/**
 * A page of the workspace's imports, newest first, by offset (as the audit
 * log), for the import history. Uploads still arriving are left out: until
 * the whole file is in there is nothing to show.
 */
export async function listImportRuns(db: Db, workspaceId: string, page: number, size = 20) {
  const where = { workspaceId, status: { not: "UPLOADING" as const } };
  const [rows, total] = await Promise.all([
    db.importRun.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * size, take: size }),
    db.importRun.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}

/**
 * In update mode, how many of the rows for existing users would change
 * their user (name, phone, Exchange account, role or a group the user is not
 * in yet) and how many would leave it as it is, by the rule the import
 * applies (lib/imports/run-import.ts `updatedFields`). A role the importer
 * may not give still counts as a change here; the run reports it as failed.
 */
export async function countUpdates(db: Db, workspaceId: string, importRunId: string): Promise<{ update: number; unchanged: number }> {
  const roles = new Map((await db.role.findMany({ where: { workspaceId }, select: { id: true, name: true } })).map((r) => [r.name.toLowerCase(), r.id]));
  const groups = new Map((await db.group.findMany({ where: { workspaceId }, select: { id: true, nameNormalized: true } })).map((g) => [g.nameNormalized, g.id]));
  let update = 0;
  let unchanged = 0;
  let after = 0;
  for (;;) {
    const rows = await db.importRow.findMany({
      where: { ...categoryWhere(importRunId, "existing"), rowNumber: { gt: after } },
      orderBy: { rowNumber: "asc" },
      // Prisma loads the users' memberships with one bound value per user, and SQLite takes at most 999.
      take: 500,
    });
    if (rows.length === 0) return { update, unchanged };
    after = rows[rows.length - 1].rowNumber;
    const users = await db.user.findMany({
      where: { workspaceId, id: { in: rows.map((r) => r.existingUserId!) } },
      select: { id: true, displayName: true, alias: true, phone: true, exchangeDomain: true, exchangeUsername: true, roleId: true, memberships: { select: { groupId: true } } },
    });
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const row of rows) {
      const user = byId.get(row.existingUserId!);
      // Deleted since the upload: the run will create the user again.
      if (!user) continue;
      const values = valuesOf(row);
      const roleId = values.role ? roles.get(values.role.toLowerCase()) : undefined;
      const member = new Set(user.memberships.map((m) => m.groupId));
      const joins = splitGroups(values.groups).some((g) => {
        const id = groups.get(g.toLowerCase());
        return !id || !member.has(id);
      });
      const changes = Object.keys(updatedFields(user, values)).length > 0 || (roleId !== undefined && roleId !== user.roleId) || joins;
      if (changes) update++;
      else unchanged++;
    }
  }
}
