import { startUsersExport } from "@/lib/exports/start-users-export";
import { csvDownload } from "@/lib/http/csv-download";
import { consoleRoute } from "@/lib/http/route";
import { userListQuerySchema } from "@/lib/users/schema";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/export?<the list's query>: the users list as a CSV
 * download, streamed, and stored chunk by chunk as it goes so Reports can
 * offer it again. A POST because it writes (the export, the purge of old
 * ones, the audit event); with no GET exported, Next.js answers a GET 405.
 */
export const POST = consoleRoute({ access: "POST /api/users/export" }, async (ctx, request) => {
  const query = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const started = await startUsersExport(ctx, query);
  return csvDownload(started.fileName, started.lines, "users export");
});
