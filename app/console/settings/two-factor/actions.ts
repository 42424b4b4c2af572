"use server";

import { revalidatePath } from "next/cache";
import { consoleAction } from "@/lib/auth/action";
import { disableTwoFactor } from "@/lib/auth/disable-two-factor";
import { enableTwoFactor } from "@/lib/auth/enable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes";
import { disableTwoFactorSchema, enableTwoFactorSchema, regenerateRecoveryCodesSchema } from "@/lib/auth/two-factor-schema";

/**
 * Turns the signed-in person's 2FA on with the first code from their app;
 * returns the recovery codes (shown once). Nothing is revalidated: that
 * would render the page afresh (now "2FA is on") and take the codes away
 * before they were saved; console pages are rendered per request anyway.
 */
export const enableTwoFactorAction = consoleAction({ schema: enableTwoFactorSchema, access: "enableTwoFactorAction" }, (ctx, input) => enableTwoFactor(ctx, input));

/** Turns the signed-in person's 2FA off, with their password or a code. */
export const disableTwoFactorAction = consoleAction({ schema: disableTwoFactorSchema, access: "disableTwoFactorAction" }, async (ctx, input) => {
  await disableTwoFactor(ctx, input);
  revalidatePath("/console/settings/two-factor");
  revalidatePath("/console/users");
});

/** Ten new recovery codes (the old ones stop working), after the password or a code; shown once, so nothing is revalidated. */
export const regenerateRecoveryCodesAction = consoleAction(
  { schema: regenerateRecoveryCodesSchema, access: "regenerateRecoveryCodesAction" },
  (ctx, input) => regenerateRecoveryCodes(ctx, input),
);
