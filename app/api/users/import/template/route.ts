import { importTemplateCsv } from "@/lib/csv/template";
import { consoleRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/users/import/template: the CSV template for Import users (header row and one example row). */
export const GET = consoleRoute({ access: "GET /api/users/import/template" }, async () => {
  return new Response(importTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="roster-users-template.csv"',
      "Cache-Control": "no-store",
    },
  });
});
