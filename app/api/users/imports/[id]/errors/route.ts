import { getConsoleContext } from "@/lib/auth/context";
import { errorReportLines } from "@/lib/imports/error-report";
import { importRowsExpired } from "@/lib/imports/delete-old-import-rows";
import { getImportRun } from "@/lib/imports/read-import";
import { csvDownload } from "@/lib/http/csv-download";

export const dynamic = "force-dynamic";

/** GET /api/users/imports/<id>/errors: the rows not imported, each with its reason, as CSV to fix and import again. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const ctx = await getConsoleContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  if (!ctx.permissions.has("users.read")) return new Response("You do not have permission to do that.", { status: 403 });
  const run = await getImportRun(ctx.db, ctx.workspace.id, (await params).id);
  if (!run) return new Response("No such import.", { status: 404 });
  if (importRowsExpired(run)) return new Response("The rows of this import were deleted when it was 30 days old.", { status: 410 });
  // csvDownload makes the name safe for the header.
  const base = run.fileName.replace(/\.[^.]*$/, "").slice(0, 80) || "import";
  return csvDownload(`${base}-not-imported.csv`, errorReportLines(ctx.db, run), "import error report");
}
