import { actorOf } from "@/lib/auth/console-context";
import { getConsoleContext } from "@/lib/auth/context";
import { recordAudit } from "@/lib/audit/record";
import { exportUserLines } from "@/lib/users/export-users";
import { userListQuerySchema } from "@/lib/users/schema";

export const dynamic = "force-dynamic";

/** GET /api/users/export?<the list's query>: the users list as a CSV download, streamed. */
export async function GET(request: Request): Promise<Response> {
  const ctx = await getConsoleContext();
  if (!ctx) return new Response("Sign in first.", { status: 401 });
  if (!ctx.permissions.has("users.read")) return new Response("You do not have permission to do that.", { status: 403 });
  const query = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await recordAudit(ctx.db, actorOf(ctx), {
    action: "users.export",
    targetType: "user",
    targetLabel: "users list",
    details: { q: query.q, role: query.role, twoFactor: query.twoFactor, devices: query.devices, sort: query.sort, dir: query.dir },
  });

  const lines = exportUserLines(ctx.db, ctx.workspace.id, query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("[users export]", error);
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="users-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
