import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { cellOf, nameOf, inspectCsv } from "@/lib/csv/inspect";
import type { CsvEncoding } from "@/lib/csv/decode";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import type { Db, Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { Granter } from "@/lib/users/admin-rules";
import { granterOf, mayGrantRole } from "@/lib/users/admin-rules";
import { existingUserIds } from "@/lib/users/existing-users";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { deleteOldImportRows } from "./delete-old-import-rows";
import { refreshLicenseFlags } from "./license-flags";
import { checkRow, flagDuplicates, type ImportRoles } from "./row";

const STAGE_CHUNK = 1000;
const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * The upload step: reads the file on the server (the browser's parse is
 * only a preview), checks every row against the file and the workspace,
 * and stores the rows for review, all or nothing. Writes no user.
 */
export async function stageImport(
  ctx: ConsoleContext,
  input: { bytes: Uint8Array; fileName: string; encoding?: CsvEncoding },
  opts: { now?: Date } = {},
): Promise<{ id: string; rowCount: number }> {
  const inspection = inspectCsv(input.bytes, input.encoding);
  if (!inspection.ok) throw new AppError("BAD_INPUT", { userMessage: inspection.error });
  const { csv } = inspection;
  const ws = ctx.workspace.id;
  const now = opts.now ?? new Date();
  const roles = await importRoles(ctx.db, ws, granterOf(ctx));
  await deleteOldImportRows(ctx.db, ws, now);

  const col = csv.columns.columns;
  const id = newId();
  const ignoredColumns = [...csv.columns.unknown, ...csv.columns.duplicates.map((h) => `${h} (repeated)`)];
  const firstOfAddress = new Map<string, number>();
  await transaction(
    ctx.db,
    async (tx) => {
      await tx.importRun.create({
        data: {
          id,
          workspaceId: ws,
          fileName: input.fileName.slice(0, 255) || "import.csv",
          fileSize: input.bytes.length,
          encoding: csv.encoding,
          delimiter: DELIMITER_NAMES[csv.delimiter] ?? csv.delimiter,
          ignoredColumns: JSON.stringify(ignoredColumns),
          rowCount: csv.rows.length,
          createdById: ctx.user.id,
          createdByEmail: ctx.user.email,
          createdAt: now,
        },
      });
      // Checked and stored a chunk at a time, so only one chunk's row objects are alive at once.
      for (let start = 0; start < csv.rows.length; start += STAGE_CHUNK) {
        const rows = csv.rows.slice(start, start + STAGE_CHUNK).map((cells, i) => {
          const checked = checkRow(
            {
              email: cellOf(cells, col.email),
              name: nameOf(cells, col),
              phone: cellOf(cells, col.phone),
              groups: cellOf(cells, col.group),
              role: cellOf(cells, col.role),
              exchangeDomain: cellOf(cells, col.exchangeDomain),
              exchangeUsername: cellOf(cells, col.exchangeUsername),
            },
            roles,
          );
          return { ...checked, rowNumber: csv.rowNumbers[start + i], excluded: false };
        });
        flagDuplicates(rows, firstOfAddress);
        const existing = await existingUserIds(tx, ws, rows.map((r) => r.emailNormalized));
        await bulkInsert(
          tx,
          "ImportRow",
          rows.map((r): Record<string, BulkValue> => ({
            importRunId: id,
            workspaceId: ws,
            rowNumber: r.rowNumber,
            email: r.email,
            emailNormalized: r.emailNormalized,
            name: r.values.name,
            phone: r.values.phone,
            groups: r.values.groups,
            role: r.values.role,
            exchangeDomain: r.values.exchangeDomain,
            exchangeUsername: r.values.exchangeUsername,
            issues: JSON.stringify(r.issues),
            overLicense: false,
            existingUserId: existing.get(r.emailNormalized) ?? null,
            excluded: false,
            outcome: null,
            outcomeReason: null,
          })),
        );
      }
      await refreshLicenseFlags(tx, ws, id, now);
      await recordAudit(tx, actorOf(ctx), {
        action: "users.import.upload",
        targetType: "import",
        targetId: id,
        targetLabel: input.fileName,
        details: { rows: csv.rows.length, encoding: csv.encoding, delimiter: DELIMITER_NAMES[csv.delimiter], ignoredColumns },
      });
    },
    { timeout: 300_000 },
  );
  return { id, rowCount: csv.rows.length };
}

/** The workspace's roles by lower-cased name, as the role column is matched, with whether the importer may give each. */
export async function importRoles(db: Db | Tx, workspaceId: string, granter: Granter): Promise<ImportRoles> {
  const roles = await db.role.findMany({ where: { workspaceId }, select: { id: true, key: true, name: true, permissions: true } });
  return new Map(roles.map((r) => [r.name.toLowerCase(), { name: r.name, key: r.key, grantable: mayGrantRole(granter, r) }]));
}
