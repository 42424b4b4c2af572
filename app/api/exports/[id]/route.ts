import { downloadExport } from "@/lib/exports/download-export";
import { csvDownload } from "@/lib/http/csv-download";
import { consoleRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/exports/<id>: a completed stored export of the workspace, downloaded again. */
export const GET = consoleRoute<{ id: string }>({ access: "GET /api/exports/[id]" }, async (ctx, _request, params) => {
  const stored = await downloadExport(ctx, params.id);
  return csvDownload(stored.fileName, stored.lines, "export download");
});
