import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";

/** Workspace.settings, as stored (JSON); unknown keys are kept, missing ones take their defaults. */
export const workspaceSettingsSchema = z.looseObject({
  /** Administrators without active 2FA are taken to its setup right after sign-in. */
  requireAdminTwoFactor: z.boolean().catch(false).default(false),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Parses the stored settings text; a damaged value reads as the defaults. */
export function parseWorkspaceSettings(stored: string): WorkspaceSettings {
  let json: unknown = {};
  try {
    json = JSON.parse(stored);
  } catch {
    json = {};
  }
  const parsed = workspaceSettingsSchema.safeParse(json && typeof json === "object" ? json : {});
  return parsed.success ? parsed.data : workspaceSettingsSchema.parse({});
}

/** A workspace's settings. */
export async function readWorkspaceSettings(db: Db | Tx, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { settings: true } });
  return parseWorkspaceSettings(row.settings);
}
