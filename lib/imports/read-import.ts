import type { Db } from "@/lib/db/client";
import { categoryWhere, importCategories, type ImportCategory } from "./categories";
import { splitGroups, type ImportValues, type RowIssue } from "./row";

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
