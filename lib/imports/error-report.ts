import type { Db } from "@/lib/db/client";
import { csvLine } from "@/lib/csv/escape";
import { IMPORT_COLUMNS } from "@/lib/csv/columns";
import type { ImportRunRecord } from "./read-import";
import { OVER_LICENSE_MESSAGE, type RowIssue } from "./row";

/** The report's extra columns; the importer ignores them, so the fixed file can be uploaded as it is. */
export const ERROR_REPORT_EXTRA = ["row", "reason"];

/**
 * The rows of an import that were not (or, before it runs, would not be)
 * imported, in the template's columns plus the row number and the reason,
 * so the admin can fix them in a spreadsheet and import the file again.
 * Read in batches of rows, so memory stays flat.
 */
export async function* errorReportLines(db: Db, run: ImportRunRecord, batch = 1000): AsyncGenerator<string> {
  yield `\uFEFF${csvLine([...IMPORT_COLUMNS.map((c) => c.header), ...ERROR_REPORT_EXTRA])}`;
  const notImported =
    run.status === "REVIEW"
      ? { OR: [{ excluded: true }, { issues: { not: "[]" } }, { overLicense: true }] }
      : { outcome: { in: ["SKIPPED" as const, "FAILED" as const] } };
  let after = 0;
  for (;;) {
    const rows = await db.importRow.findMany({
      where: { importRunId: run.id, rowNumber: { gt: after }, ...notImported },
      orderBy: { rowNumber: "asc" },
      take: batch,
    });
    if (rows.length === 0) return;
    yield rows
      .map((r) =>
        csvLine([r.email, r.name, r.phone, r.groups, r.role, r.exchangeDomain, r.exchangeUsername, String(r.rowNumber), reasonOf(r)]),
      )
      .join("");
    after = rows[rows.length - 1].rowNumber;
  }
}

function reasonOf(row: { outcomeReason: string | null; excluded: boolean; issues: string; overLicense: boolean }): string {
  if (row.outcomeReason) return row.outcomeReason;
  if (row.excluded) return "Excluded on the review step";
  const issues = (JSON.parse(row.issues) as RowIssue[]).map((i) => i.message);
  if (row.overLicense) issues.push(OVER_LICENSE_MESSAGE);
  return issues.join("; ");
}
