"use server";

import { stageAction } from "@/lib/auth/restricted";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/auth/return-to";
import { setNewPassword } from "@/lib/auth/set-new-password";
import { stagePages } from "@/lib/auth/session-stage";
import { setNewPasswordSchema } from "@/lib/auth/two-factor-schema";

/** The forced "Set a new password" step; answers where the session goes next. */
export const setNewPasswordAction = stageAction(
  { schema: setNewPasswordSchema, access: "setNewPasswordAction", stage: "CHANGE_PASSWORD" },
  async (ctx, input) => {
    const stage = await setNewPassword(ctx, input);
    return { next: stage === "FULL" ? DEFAULT_AFTER_SIGN_IN : stagePages[stage] };
  },
);
