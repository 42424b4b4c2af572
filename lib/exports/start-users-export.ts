import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { describeUserListQuery } from "@/lib/users/describe-list-query";
import { exportUserBatches } from "@/lib/users/export-users";
import type { UserListQuery } from "@/lib/users/schema";
import { recordExport } from "./record-export";

/**
 * Export on the users list: starts a stored export of the list with its
 * search, filters and order (older exports are purged first), audits it,
 * and returns the file's name and its text, stored chunk by chunk as it is read.
 */
export async function startUsersExport(ctx: ConsoleContext, query: UserListQuery, now = new Date()) {
  const actor = actorOf(ctx);
  const fileName = `users-${now.toISOString().slice(0, 10)}.csv`;
  const description = await describeUserListQuery(ctx.db, ctx.workspace.id, query);
  const stored = await recordExport(ctx.db, actor, { kind: "users", fileName, description }, exportUserBatches(ctx.db, ctx.workspace.id, query));
  await recordAudit(ctx.db, actor, {
    action: "users.export",
    targetType: "user",
    targetLabel: "users list",
    details: { q: query.q, role: query.role, twoFactor: query.twoFactor, devices: query.devices, sort: query.sort, dir: query.dir, exportId: stored.id },
  });
  return { id: stored.id, fileName, lines: stored.lines };
}
