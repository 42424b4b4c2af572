"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { changePassword } from "@/lib/auth/passwords";
import { changePasswordSchema } from "@/lib/auth/schema";
import { renameWorkspaceSchema } from "@/lib/workspaces/schema";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import { securitySettingsSchema } from "@/lib/auth/two-factor-schema";
import { updateSecuritySettings } from "@/lib/workspaces/update-security-settings";

/** Saves Settings → Security (Require 2FA for administrators). */
export const updateSecuritySettingsAction = consoleAction({ schema: securitySettingsSchema, access: "updateSecuritySettingsAction" }, async (ctx, input) => {
  await updateSecuritySettings(ctx, input);
  revalidatePath("/console/settings");
});

/** Saves the workspace's company name. */
export const renameWorkspaceAction = consoleAction({ schema: renameWorkspaceSchema, access: "renameWorkspaceAction" }, async (ctx, input) => {
  await renameWorkspace(ctx, input);
  revalidatePath("/console", "layout");
});

/** Changes the signed-in administrator's own password. */
export const changePasswordAction = consoleAction({ schema: changePasswordSchema, access: "changePasswordAction" }, async (ctx, input) => {
  await changePassword(ctx, input);
});
