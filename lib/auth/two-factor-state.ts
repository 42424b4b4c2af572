import type { TwoFactorState } from "@/lib/db/generated/postgresql/enums.ts";

/**
 * What User.twoFactor means (the users list's 2FA status):
 * - ACTIVE: enabled and set up (a sealed seed in totpSecret);
 * - NOT_ACTIVE: a console user who has not set 2FA up (yet);
 * - NOT_CONFIGURED: reset by an administrator and not set up again: the
 *   next sign-in goes to the setup page before anything else;
 * - NOT_AVAILABLE: the account cannot sign in to the console (or signs in
 *   elsewhere), so 2FA does not apply.
 */
export type { TwoFactorState };

/** The state of a user who has just been given a role (created, or moved between console and non-console roles). */
export function twoFactorForRole(role: { consoleAccess: boolean }): TwoFactorState {
  return role.consoleAccess ? "NOT_ACTIVE" : "NOT_AVAILABLE";
}

/** The columns that forget a user's TOTP seed and replay guard (recovery codes are rows of their own). */
export const clearedTotp = { totpSecret: null, totpPendingSecret: null, totpLastStep: null } as const;
