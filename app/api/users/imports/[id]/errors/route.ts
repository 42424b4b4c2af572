import { errorReportLines } from "@/lib/imports/error-report";
import { importRowsExpired } from "@/lib/imports/delete-old-import-rows";
import { getImportRun } from "@/lib/imports/read-import";
import { AppError } from "@/lib/errors";
import { csvDownload } from "@/lib/http/csv-download";
import { consoleRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/users/imports/<id>/errors: the rows not imported, each with its reason, as CSV to fix and import again. */
export const GET = consoleRoute<{ id: string }>({ access: "GET /api/users/imports/[id]/errors" }, async (ctx, _request, params) => {
  const run = await getImportRun(ctx.db, ctx.workspace.id, params.id);
  if (!run) throw new AppError("NOT_FOUND", { userMessage: "No such import." });
  if (importRowsExpired(run)) throw new AppError("GONE", { userMessage: "The rows of this import were deleted when it was 30 days old." });
  // csvDownload makes the name safe for the header.
  const base = run.fileName.replace(/\.[^.]*$/, "").slice(0, 80) || "import";
  return csvDownload(`${base}-not-imported.csv`, errorReportLines(ctx.db, run), "import error report");
});
