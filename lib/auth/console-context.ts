import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Permission } from "./permissions";

/** Who is acting, in which workspace, with which permissions; passed to every lib function. */
export type ConsoleContext = {
  db: Db;
  sid: string;
  workspace: { id: string; name: string };
  user: { id: string; email: string; displayName: string; alias: string };
  roleName: string;
  permissions: Set<Permission>;
};

/** Throws FORBIDDEN unless the context holds the permission. */
export function assertPermission(ctx: ConsoleContext, permission: Permission): void {
  if (!ctx.permissions.has(permission)) {
    throw new AppError("FORBIDDEN", { userMessage: "You do not have permission to do that." });
  }
}

/** The audit actor for a context. */
export function actorOf(ctx: ConsoleContext) {
  return { workspaceId: ctx.workspace.id, actorId: ctx.user.id, actorEmail: ctx.user.email };
}
