import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { refreshLicenseFlags } from "./license-flags";
import { valuesOf } from "./read-import";
import { checkRow, flagDuplicates, type RowIssue } from "./row";
import type { FixImportRowInput } from "./schema";
import { existingUserIds } from "@/lib/users/existing-users";
import { granterOf } from "@/lib/users/admin-rules";
import { importRoles } from "./stage-import";

/**
 * An import of the workspace still on its review step, held for the rest of
 * the transaction; refuses any other. The guard is a write (a conditional
 * update on status REVIEW), not a read: on PostgreSQL it locks the row, so
 * "Create accounts" (a conditional update from REVIEW) waits for this
 * transaction and then finds the status it left, or this one waits for the
 * start and then matches nothing. One of the two wins, never both.
 */
async function importInReview(tx: Tx, ctx: ConsoleContext, importId: string, data: { status?: "CANCELLED"; finishedAt?: Date } = {}) {
  const held = await tx.importRun.updateMany({
    where: { id: importId, workspaceId: ctx.workspace.id, status: "REVIEW" },
    data: { status: "REVIEW", ...data },
  });
  const run = await tx.importRun.findFirst({ where: { id: importId, workspaceId: ctx.workspace.id }, select: { id: true, status: true, fileName: true } });
  if (held.count === 1 && run) return run;
  if (!run) throw new AppError("NOT_FOUND", { userMessage: "This import no longer exists." });
  if (run.status === "CANCELLED") throw new AppError("CONFLICT", { userMessage: "This import was cancelled. Upload the file again." });
  throw new AppError("CONFLICT", { userMessage: "This import has already started; its rows can no longer change." });
}

/**
 * Checks again every row holding one of the addresses, in file order: the
 * row's own issues, which of them is the first (the others are duplicates),
 * and whether a user already has it. Only rows whose state moved are written.
 */
async function recheckAddresses(tx: Tx, ctx: ConsoleContext, importRunId: string, emails: string[]): Promise<void> {
  const roles = await importRoles(tx, ctx.workspace.id, granterOf(ctx));
  const stored = await tx.importRow.findMany({ where: { importRunId, emailNormalized: { in: emails } }, orderBy: { rowNumber: "asc" } });
  const existing = await existingUserIds(tx, ctx.workspace.id, emails);
  const rows = flagDuplicates(
    stored.map((r) => ({ ...r, issues: checkRow(valuesOf(r), roles).issues as RowIssue[], before: r.issues })),
  );
  for (const row of rows) {
    const issues = JSON.stringify(row.issues);
    const existingUserId = existing.get(row.emailNormalized) ?? null;
    if (issues === row.before && existingUserId === row.existingUserId) continue;
    await tx.importRow.update({
      where: { importRunId_rowNumber: { importRunId, rowNumber: row.rowNumber } },
      data: { issues, existingUserId },
    });
  }
}

/** Saves the admin's fix to a row and checks it (and the rows sharing its old or new address) again. */
export async function fixImportRow(ctx: ConsoleContext, input: FixImportRowInput): Promise<{ issues: RowIssue[] }> {
  return transaction(ctx.db, async (tx) => {
    const run = await importInReview(tx, ctx, input.importId);
    const where = { importRunId_rowNumber: { importRunId: run.id, rowNumber: input.rowNumber } };
    const row = await tx.importRow.findUnique({ where, select: { emailNormalized: true } });
    if (!row) throw new AppError("NOT_FOUND", { userMessage: "This row is not in the import." });
    const values = {
      email: input.email, name: input.name, phone: input.phone, groups: input.groups, role: input.role,
      exchangeDomain: input.exchangeDomain, exchangeUsername: input.exchangeUsername,
    };
    const checked = checkRow(values, new Map());
    await tx.importRow.update({ where, data: { ...values, email: checked.email, emailNormalized: checked.emailNormalized } });
    await recheckAddresses(tx, ctx, run.id, [...new Set([row.emailNormalized, checked.emailNormalized])]);
    await refreshLicenseFlags(tx, ctx.workspace.id, run.id);
    const after = await tx.importRow.findUniqueOrThrow({ where, select: { issues: true } });
    return { issues: JSON.parse(after.issues) as RowIssue[] };
  });
}

/** Leaves a row out of the import (or takes it back in). */
export async function setRowExcluded(ctx: ConsoleContext, input: { importId: string; rowNumber: number; excluded: boolean }): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const run = await importInReview(tx, ctx, input.importId);
    const where = { importRunId_rowNumber: { importRunId: run.id, rowNumber: input.rowNumber } };
    const row = await tx.importRow.findUnique({ where, select: { emailNormalized: true } });
    if (!row) throw new AppError("NOT_FOUND", { userMessage: "This row is not in the import." });
    await tx.importRow.update({ where, data: { excluded: input.excluded } });
    await recheckAddresses(tx, ctx, run.id, [row.emailNormalized]);
    await refreshLicenseFlags(tx, ctx.workspace.id, run.id);
  });
}

/** Whether rows for existing users skip them or update them. */
export async function setExistingMode(ctx: ConsoleContext, input: { importId: string; mode: "SKIP" | "UPDATE" }): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const run = await importInReview(tx, ctx, input.importId);
    await tx.importRun.update({ where: { id: run.id }, data: { existingMode: input.mode } });
  });
}

/** Drops an import that has not started: its stored rows go, the history keeps a line saying it was cancelled. */
export async function cancelImport(ctx: ConsoleContext, input: { importId: string }): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    // Cancelled by the same conditional update that checks the status: a start racing this one finds it cancelled.
    const run = await importInReview(tx, ctx, input.importId, { status: "CANCELLED", finishedAt: new Date() });
    await tx.importRow.deleteMany({ where: { importRunId: run.id } });
    await tx.importUpload.deleteMany({ where: { importRunId: run.id } });
    await recordAudit(tx, actorOf(ctx), { action: "users.import.cancel", targetType: "import", targetId: run.id, targetLabel: run.fileName });
  });
}
