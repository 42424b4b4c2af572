import type { ConsoleContext } from "@/lib/auth/console-context";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The grant rule applied to defining roles: a role can only be given
 * permissions its author holds, else anyone who may make roles could make
 * one above their own and give it.
 */
export function assertMayDefineRole(ctx: ConsoleContext, wanted: readonly Permission[]): void {
  const beyond = wanted.filter((p) => !ctx.permissions.has(p));
  if (beyond.length > 0) {
    const message = "You can only give a role permissions your own role holds.";
    throw new AppError("FORBIDDEN", { userMessage: message, fieldErrors: { permissions: [message] } });
  }
}

/** The built-in roles' grants come from code; they are never edited or deleted. */
export function assertCustomRole(role: { key: string | null; name: string }, verb: "edit" | "delete"): void {
  if (role.key !== null) throw new AppError("FORBIDDEN", { userMessage: `The built-in role "${role.name}" cannot be ${verb === "edit" ? "edited" : "deleted"}.` });
}
