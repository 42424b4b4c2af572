import { z } from "zod";
import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { COLUMN_CHOICES, mapHeader, normalizeHeader, type ColumnChoice, type ColumnChoices } from "@/lib/csv/columns";
import type { Db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { lockWorkspaceRow } from "@/lib/db/workspace-lock";
import { AppError } from "@/lib/errors";

const choicesSchema = z.record(z.string().max(200), z.enum(COLUMN_CHOICES));

/** Stored choices, read leniently: a choice no longer offered is dropped. */
export function parseColumnChoices(json: string): ColumnChoices {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => (COLUMN_CHOICES as readonly string[]).includes(v as string))) as ColumnChoices;
  } catch {
    return {};
  }
}

/**
 * The review step's column picker: reads the file again with the columns as
 * the admin chose them (a file column → a field, or not imported) and
 * remembers the choices for the workspace's next imports, so a directory's
 * export with its own headers is mapped once. The import goes back to
 * CHECKING; the worker drops the rows it stored and checks the file again,
 * so fixes made on the review step are dropped (the page says so). Only
 * an import on review, or refused for want of an email column, with its
 * file still kept, can be read again.
 */
export async function chooseImportColumns(ctx: ConsoleContext, input: { importId: string; columns: Record<string, string> }): Promise<void> {
  const chosen = choicesSchema.parse(Object.fromEntries(Object.entries(input.columns).map(([header, choice]) => [normalizeHeader(header), choice])));
  const emails = Object.values(chosen).filter((c) => c === "email").length;
  if (emails > 1) throw new AppError("BAD_INPUT", { userMessage: "Choose Email for one column only." });
  await transaction(ctx.db, async (tx) => {
    const run = await tx.importRun.findFirst({ where: { id: input.importId, workspaceId: ctx.workspace.id } });
    if (!run) throw new AppError("NOT_FOUND", { userMessage: "This import no longer exists." });
    const kept = await tx.importUpload.count({ where: { importRunId: run.id } });
    if (kept === 0 || (run.status !== "REVIEW" && run.status !== "REFUSED")) {
      throw new AppError("CONFLICT", { userMessage: "This file can no longer be read again. Upload it again to choose its columns." });
    }
    // From the status just read: a start or another choice racing this one changes it first, and this matches nothing.
    const moved = await tx.importRun.updateMany({
      where: { id: run.id, status: run.status },
      data: { status: "CHECKING", columnChoices: JSON.stringify(chosen), refusal: null, finishedAt: null, checkedRows: 0, lockedUntil: null },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", { userMessage: "This import changed meanwhile. Reload the page." });
    // Read, merged and written under the workspace's row lock: two imports' choices made at once both stay remembered.
    await lockWorkspaceRow(tx, ctx.workspace.id);
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id }, select: { importColumnChoices: true } });
    const remembered = { ...parseColumnChoices(workspace.importColumnChoices), ...chosen };
    await tx.workspace.update({ where: { id: ctx.workspace.id }, data: { importColumnChoices: JSON.stringify(remembered) } });
    await recordAudit(tx, actorOf(ctx), { action: "users.import.columns", targetType: "import", targetId: run.id, targetLabel: run.fileName, details: { columns: chosen } });
  });
}

/** The columns chosen for an import's file on the review step, over those the workspace's earlier imports chose. */
export async function columnChoicesFor(db: Db, run: { workspaceId: string; columnChoices: string }): Promise<ColumnChoices> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: run.workspaceId }, select: { importColumnChoices: true } });
  return { ...parseColumnChoices(workspace.importColumnChoices), ...parseColumnChoices(run.columnChoices) };
}

/** What each header cell of an import's file is read as now, for the picker. */
export async function currentColumns(db: Db, run: { id: string; workspaceId: string; headerCells: string; columnChoices: string }) {
  const header = JSON.parse(run.headerCells) as string[];
  const map = mapHeader(header, await columnChoicesFor(db, run));
  const byIndex = new Map(Object.entries(map.columns).map(([key, index]) => [index, key as ColumnChoice]));
  const kept = (await db.importUpload.count({ where: { importRunId: run.id } })) > 0;
  return { columns: header.map((cell, i) => ({ header: cell.trim(), choice: byIndex.get(i) ?? ("ignore" as const) })).filter((c) => c.header !== ""), kept };
}
