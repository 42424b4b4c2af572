import type { ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { cellOf, nameOf, inspectCsv } from "@/lib/csv/inspect";
import { CSV_ENCODINGS, type CsvEncoding } from "@/lib/csv/decode";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import type { Db, Tx } from "@/lib/db/client";
import type { Granter } from "@/lib/users/admin-rules";
import { currentGranter, mayGrantRole } from "@/lib/users/admin-rules";
import { existingUserIds } from "@/lib/users/existing-users";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { deleteOldImportRows } from "./delete-old-import-rows";
import { refreshLicenseFlags } from "./license-flags";
import { columnChoicesFor } from "./column-choices";
import { checkRow, flagDuplicates, type ImportRoles } from "./row";
import { pauseAfter, type Pacing } from "./pacing";
import { IMPORT_LEASE_MS } from "./run-import";
import { receiveImportUpload } from "./upload-import";

/** Rows checked and stored per transaction: each is short, so the console's own writes never wait long behind one. */
const STAGE_CHUNK = 1000;
const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * The check step, in the worker process (lib/jobs/worker.ts): reads an
 * uploaded file (CHECKING) again on the server (the browser's parse is only
 * a preview), checks every row against the file and the workspace, and
 * stores the rows for review, a chunk per short transaction; the last one
 * moves the import to REVIEW, so the review sees all rows or none. A file
 * that cannot be imported ends REFUSED, with the reason and no rows. The
 * worker holds the import by its lease; should it stop part-way, another
 * takes the import over once the lease lapses and starts the check again.
 * Writes no user. Returns false when another worker holds the import.
 */
export async function checkImport(db: Db, importId: string, opts: { now?: () => Date; pacing?: Pacing } = {}): Promise<boolean> {
  const clock = opts.now ?? (() => new Date());
  let lease = await claimCheck(db, importId, clock());
  if (!lease) return false;
  const run = await db.importRun.findUniqueOrThrow({ where: { id: importId } });
  const ws = run.workspaceId;
  // What an earlier, stopped check stored is dropped: the check starts again from the first row.
  await db.importRow.deleteMany({ where: { importRunId: run.id } });

  const bytes = await readUpload(db, run.id, run.fileSize);
  const chosen = CSV_ENCODINGS.find((e) => e === run.encoding);
  const inspection = inspectCsv(bytes, chosen, { columns: await columnChoicesFor(db, run) });
  if (!inspection.ok) {
    await transaction(db, async (tx) => {
      const refused = await tx.importRun.updateMany({
        where: { id: run.id, status: "CHECKING", lockedUntil: lease },
        data: { status: "REFUSED", refusal: inspection.error, headerCells: JSON.stringify(inspection.header ?? []), finishedAt: clock(), lockedUntil: null },
      });
      if (refused.count === 0) return;
      // A file the admin can fix by choosing its columns is kept for that (until the clean-up); any other goes.
      if (!inspection.header) await tx.importUpload.deleteMany({ where: { importRunId: run.id } });
      await recordAudit(tx, actorOfRun(run), {
        action: "users.import.refused", targetType: "import", targetId: run.id, targetLabel: run.fileName, details: { reason: inspection.error },
      });
    });
    return true;
  }
  const { csv } = inspection;
  const roles = await importRoles(db, ws, await currentGranter(db, ws, run.createdById));
  const col = csv.columns.columns;
  const ignoredColumns = [...csv.columns.unknown, ...csv.columns.duplicates.map((h) => `${h} (repeated)`)];
  const firstOfAddress = new Map<string, number>();

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
    const started = performance.now();
    const next = new Date(clock().getTime() + IMPORT_LEASE_MS);
    const held = await transaction(db, async (tx) => {
      // The lease is renewed with each chunk; a worker that finds it changed has lost the import and stops.
      const renewed = await tx.importRun.updateMany({
        where: { id: run.id, status: "CHECKING", lockedUntil: lease },
        data: { lockedUntil: next, checkedRows: start + rows.length },
      });
      if (renewed.count === 0) return false;
      const existing = await existingUserIds(tx, ws, rows.map((r) => r.emailNormalized));
      await bulkInsert(
        tx,
        "ImportRow",
        rows.map((r): Record<string, BulkValue> => ({
          importRunId: run.id,
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
      return true;
    });
    if (!held) return false;
    lease = next;
    await pauseAfter(opts.pacing, started);
  }

  const now = clock();
  const reviewed = await transaction(
    db,
    async (tx) => {
      const done = await tx.importRun.updateMany({
        where: { id: run.id, status: "CHECKING", lockedUntil: lease },
        data: {
          status: "REVIEW",
          encoding: csv.encoding,
          delimiter: DELIMITER_NAMES[csv.delimiter] ?? csv.delimiter,
          ignoredColumns: JSON.stringify(ignoredColumns),
          rowCount: csv.rows.length,
          checkedRows: csv.rows.length,
          headerCells: JSON.stringify(csv.header),
          lockedUntil: null,
        },
      });
      if (done.count === 0) return false;
      // The file stays until the import starts or is cancelled: choosing other columns on the review step reads it again.
      await refreshLicenseFlags(tx, ws, run.id, now);
      await recordAudit(tx, actorOfRun(run), {
        action: "users.import.upload",
        targetType: "import",
        targetId: run.id,
        targetLabel: run.fileName,
        details: { rows: csv.rows.length, encoding: csv.encoding, delimiter: DELIMITER_NAMES[csv.delimiter], ignoredColumns },
      });
      return true;
    },
    { timeout: 60_000 },
  );
  if (reviewed) await deleteOldImportRows(db, ws, now);
  return reviewed;
}

/** Takes an uploaded import to check, unless another worker holds it; returns the lease, the proof of holding it. */
async function claimCheck(db: Db, importId: string, now: Date): Promise<Date | null> {
  const lease = new Date(now.getTime() + IMPORT_LEASE_MS);
  const claimed = await db.importRun.updateMany({
    where: { id: importId, status: "CHECKING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: lease, checkedRows: 0 },
  });
  return claimed.count === 1 ? lease : null;
}

/** The uploaded file, put together from its chunks. The worker holds it while it checks it; the web process never does. */
async function readUpload(db: Db, importRunId: string, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (let seq = 0; ; seq++) {
    const chunk = await db.importUpload.findUnique({ where: { importRunId_seq: { importRunId, seq } }, select: { data: true } });
    if (!chunk) break;
    bytes.set(chunk.data, at);
    at += chunk.data.byteLength;
  }
  if (at !== size) throw new Error(`import ${importRunId}: the upload holds ${at} bytes, expected ${size}`);
  return bytes;
}

function actorOfRun(run: { workspaceId: string; createdById: string | null; createdByEmail: string }): Actor {
  return { workspaceId: run.workspaceId, actorId: run.createdById, actorEmail: run.createdByEmail };
}

/** The workspace's roles by lower-cased name, as the role column is matched, with whether the importer may give each. */
export async function importRoles(db: Db | Tx, workspaceId: string, granter: Granter): Promise<ImportRoles> {
  const roles = await db.role.findMany({ where: { workspaceId }, select: { id: true, key: true, name: true, permissions: true } });
  return new Map(roles.map((r) => [r.name.toLowerCase(), { name: r.name, key: r.key, grantable: mayGrantRole(granter, r) }]));
}

/**
 * Upload and check in one call, in this process: what the route and the
 * worker process do in two, for tests, the bench and scripts. Throws the
 * refusal as the route would show it.
 */
export async function stageImport(
  ctx: ConsoleContext,
  input: { bytes: Uint8Array; fileName: string; encoding?: CsvEncoding },
): Promise<{ id: string; rowCount: number }> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(input.bytes);
      controller.close();
    },
  });
  const { id } = await receiveImportUpload(ctx, { body, fileName: input.fileName, encoding: input.encoding });
  await checkImport(ctx.db, id);
  const run = await ctx.db.importRun.findFirstOrThrow({ where: { id, workspaceId: ctx.workspace.id } });
  if (run.status === "REFUSED") throw new AppError("BAD_INPUT", { userMessage: run.refusal ?? "The file cannot be imported." });
  return { id, rowCount: run.rowCount };
}
