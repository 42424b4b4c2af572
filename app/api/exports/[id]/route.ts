import { z } from "zod";
import { actorOf } from "@/lib/auth/console-context";
import { getConsoleContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { readExport } from "@/lib/exports/read-export";
import { csvDownload } from "@/lib/http/csv-download";

export const dynamic = "force-dynamic";

const idSchema = z.string().min(1).max(40);

/** GET /api/exports/<id>: a completed stored export of the workspace, downloaded again. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const ctx = await getConsoleContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  if (!ctx.permissions.has("users.read")) return new Response("You do not have permission to do that.", { status: 403 });
  const id = idSchema.safeParse((await params).id);
  const stored = id.success ? await readExport(ctx.db, ctx.workspace.id, id.data) : null;
  if (!stored) return new Response("No such export, or it did not complete.", { status: 404 });
  await recordAudit(ctx.db, actorOf(ctx), { action: "export.download", targetType: "export", targetId: stored.id, targetLabel: stored.fileName });
  return csvDownload(stored.fileName, stored.lines, "export download");
}
