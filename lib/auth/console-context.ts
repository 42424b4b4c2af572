import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { allows, type ConsoleAccessKey, type Permission } from "./permissions";

/** Who is acting, in which workspace, with which permissions; passed to every lib function. */
export type ConsoleContext = {
  db: Db;
  sid: string;
  /** The request's client address (lib/auth/client-address.ts), recorded on every audit event through actorOf. */
  address: string;
  workspace: { id: string; name: string };
  user: { id: string; email: string; displayName: string; alias: string };
  roleName: string;
  permissions: Set<Permission>;
};

export const FORBIDDEN_MESSAGE = "You do not have permission to do that.";

/** Throws FORBIDDEN unless the context satisfies the entry of the access map. */
export function assertAllowed(ctx: ConsoleContext, key: ConsoleAccessKey): void {
  if (!allows(ctx.permissions, key)) throw new AppError("FORBIDDEN", { userMessage: FORBIDDEN_MESSAGE });
}

/** Whether the context may do what the entry of the access map names (pages use it to show or hide a control). */
export function can(ctx: ConsoleContext, key: ConsoleAccessKey): boolean {
  return allows(ctx.permissions, key);
}

/** The audit actor for a context, with the request's client address. */
export function actorOf(ctx: ConsoleContext) {
  return { workspaceId: ctx.workspace.id, actorId: ctx.user.id, actorEmail: ctx.user.email, address: ctx.address };
}
