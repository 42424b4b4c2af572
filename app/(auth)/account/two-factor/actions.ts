"use server";

import { enableTwoFactor } from "@/lib/auth/enable-two-factor";
import { stageAction } from "@/lib/auth/restricted";
import { advanceSession } from "@/lib/auth/session-stage";
import { enableTwoFactorSchema } from "@/lib/auth/two-factor-schema";

/** The forced 2FA setup: turns 2FA on, then the session moves on (to the console, or its next step). */
export const enableRequiredTwoFactorAction = stageAction(
  { schema: enableTwoFactorSchema, access: "enableRequiredTwoFactorAction", stage: "SETUP_2FA" },
  async (ctx, input) => {
    const result = await enableTwoFactor(ctx, input);
    await advanceSession(ctx.db, ctx.sid, { id: ctx.user.id, workspaceId: ctx.workspace.id });
    return result;
  },
);
