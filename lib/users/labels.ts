import type { TwoFactorState } from "@/lib/db/generated/postgresql/enums.ts";

/** The 2FA status column's words. */
export const twoFactorLabels: Record<TwoFactorState, string> = {
  ACTIVE: "Active",
  NOT_ACTIVE: "Not active",
  NOT_CONFIGURED: "Not configured",
  NOT_AVAILABLE: "Not available",
};

export const NOT_LOGGED_IN = "Not logged in yet";
