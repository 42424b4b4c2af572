import { getConsoleContext } from "@/lib/auth/context";
import { importTemplateCsv } from "@/lib/csv/template";

export const dynamic = "force-dynamic";

/** GET /api/users/import/template: the CSV template for Import users (header row and one example row). */
export async function GET(): Promise<Response> {
  const ctx = await getConsoleContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  return new Response(importTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="roster-users-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
