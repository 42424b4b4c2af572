import type { Db } from "@/lib/db/client";

/**
 * What own-account operations need: a full console context and a restricted
 * (forced-step) context both have it. `db` is scoped to the workspace.
 */
export type SelfContext = {
  db: Db;
  sid: string;
  /** The client address of the request, for the audit trail. */
  address?: string;
  workspace: { id: string };
  user: { id: string; email: string };
};

export function selfActor(self: SelfContext) {
  return { workspaceId: self.workspace.id, actorId: self.user.id, actorEmail: self.user.email, address: self.address };
}

export function selfRef(self: SelfContext) {
  return { id: self.user.id, workspaceId: self.workspace.id };
}
