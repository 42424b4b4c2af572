import { actorOf } from "@/lib/auth/console-context";
import { getConsoleContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { recordExport } from "@/lib/exports/record-export";
import { csvDownload } from "@/lib/http/csv-download";
import { describeUserListQuery } from "@/lib/users/describe-list-query";
import { exportUserBatches } from "@/lib/users/export-users";
import { userListQuerySchema } from "@/lib/users/schema";

export const dynamic = "force-dynamic";

/**
 * GET /api/users/export?<the list's query>: the users list as a CSV download,
 * streamed, and stored chunk by chunk as it goes so Reports can offer it again.
 */
export async function GET(request: Request): Promise<Response> {
  const ctx = await getConsoleContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  if (!ctx.permissions.has("users.read")) return new Response("You do not have permission to do that.", { status: 403 });
  const query = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const actor = actorOf(ctx);
  const fileName = `users-${new Date().toISOString().slice(0, 10)}.csv`;
  const description = await describeUserListQuery(ctx.db, ctx.workspace.id, query);
  const stored = await recordExport(ctx.db, actor, { kind: "users", fileName, description }, exportUserBatches(ctx.db, ctx.workspace.id, query));
  await recordAudit(ctx.db, actor, {
    action: "users.export",
    targetType: "user",
    targetLabel: "users list",
    details: { q: query.q, role: query.role, twoFactor: query.twoFactor, devices: query.devices, sort: query.sort, dir: query.dir, exportId: stored.id },
  });
  return csvDownload(fileName, stored.lines, "users export");
}
