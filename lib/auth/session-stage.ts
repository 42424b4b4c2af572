import type { Db, Tx } from "@/lib/db/client";
import type { SessionStage } from "@/lib/db/generated/postgresql/enums.ts";
import { parseWorkspaceSettings } from "@/lib/workspaces/settings";
import { isAdminRole } from "./permissions";
import { sha256 } from "@/lib/crypto/tokens";

/** The page of each forced step; a restricted session reaches nothing else. */
export const stagePages = {
  CHANGE_PASSWORD: "/account/new-password",
  SETUP_2FA: "/account/two-factor",
} as const satisfies Record<Exclude<SessionStage, "FULL">, string>;

/**
 * What a user must do before the console, in order: set a new password
 * when asked to (mustChangePassword), then set 2FA up when an administrator
 * reset it or the workspace requires it of administrators. Checked after
 * both factors were given, so neither step stands in for the other.
 */
export function stageFor(user: {
  mustChangePassword: boolean;
  twoFactor: string;
  role: { key: string | null; permissions: string; consoleAccess: boolean };
  workspace: { settings: string };
}): SessionStage {
  if (user.mustChangePassword) return "CHANGE_PASSWORD";
  if (user.twoFactor === "NOT_CONFIGURED") return "SETUP_2FA";
  const settings = parseWorkspaceSettings(user.workspace.settings);
  if (settings.requireAdminTwoFactor && isAdminRole(user.role) && user.twoFactor !== "ACTIVE") return "SETUP_2FA";
  return "FULL";
}

/** The stage a user's session should be in now, read from the database. */
export async function currentStageOf(db: Db | Tx, user: { id: string; workspaceId: string }): Promise<SessionStage> {
  const row = await db.user.findFirstOrThrow({
    where: { id: user.id, workspaceId: user.workspaceId },
    select: { mustChangePassword: true, twoFactor: true, role: true, workspace: { select: { settings: true } } },
  });
  return stageFor(row);
}

/** After a forced step is done: moves the session on to the next step, or to FULL. Returns the new stage. */
export async function advanceSession(db: Db | Tx, sid: string, user: { id: string; workspaceId: string }): Promise<SessionStage> {
  const stage = await currentStageOf(db, user);
  await db.session.updateMany({ where: { idHash: sha256(sid), userId: user.id, workspaceId: user.workspaceId }, data: { stage } });
  return stage;
}
