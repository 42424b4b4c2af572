"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { publicBaseUrl } from "@/lib/http/base-url";
import { inviteImported } from "@/lib/imports/invite-imported";
import { chooseImportColumns } from "@/lib/imports/column-choices";
import { cancelImport, fixImportRow, setExistingMode, setRowExcluded } from "@/lib/imports/review-import";
import { startImport } from "@/lib/imports/run-import";
import { chooseImportColumnsSchema, excludeImportRowSchema, existingModeSchema, fixImportRowSchema, importIdSchema } from "@/lib/imports/schema";

const reviewPath = (id: string) => `/console/users/import/${id}`;

/** Review: saves a row's fixed cells; the result says what is still wrong with it. */
export const fixImportRowAction = consoleAction({ schema: fixImportRowSchema, access: "fixImportRowAction" }, async (ctx, input) => {
  const result = await fixImportRow(ctx, input);
  revalidatePath(reviewPath(input.importId));
  return result;
});

/** Review: leaves a row out, or takes it back in. */
export const excludeImportRowAction = consoleAction({ schema: excludeImportRowSchema, access: "excludeImportRowAction" }, async (ctx, input) => {
  await setRowExcluded(ctx, input);
  revalidatePath(reviewPath(input.importId));
});

/** Review: skip or update the users who already exist. */
export const setExistingModeAction = consoleAction({ schema: existingModeSchema, access: "setExistingModeAction" }, async (ctx, input) => {
  await setExistingMode(ctx, input);
  revalidatePath(reviewPath(input.importId));
});

/** Review: reads the file again with the columns the admin chose, remembered for the workspace's next imports. */
export const chooseImportColumnsAction = consoleAction({ schema: chooseImportColumnsSchema, access: "chooseImportColumnsAction" }, async (ctx, input) => {
  await chooseImportColumns(ctx, input);
  revalidatePath(reviewPath(input.importId));
});

/** Review: drops the import before anything is created. */
export const cancelImportAction = consoleAction({ schema: importIdSchema, access: "cancelImportAction" }, async (ctx, input) => {
  await cancelImport(ctx, input);
  revalidatePath("/console/users/import");
});

/**
 * Create accounts: marks the import running; the worker process creates the
 * accounts in batches (lib/imports/worker.ts) and the page polls its progress.
 */
export const startImportAction = consoleAction({ schema: importIdSchema, access: "startImportAction" }, async (ctx, input) => {
  await startImport(ctx, input);
  revalidatePath(reviewPath(input.importId));
});

/** Finish: queues the instruction email for each user the import created. */
export const inviteImportedAction = consoleAction({ schema: importIdSchema, access: "inviteImportedAction" }, async (ctx, input) => {
  const result = await inviteImported(ctx, input, { baseUrl: publicBaseUrl(await headers()) });
  revalidatePath(reviewPath(input.importId));
  revalidatePath("/console/mailbox");
  return result;
});
