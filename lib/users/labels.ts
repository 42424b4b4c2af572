import type { TwoFactorState } from "@/lib/db/generated/postgresql/enums.ts";
import { credentialsProblem } from "@/lib/auth/credentials";
import { displayAddress } from "@/lib/email-address/idn";
import { formatDateTime } from "@/lib/format";
import type { UserRow } from "./list-users";

/** The 2FA status column's words. */
export const twoFactorLabels: Record<TwoFactorState, string> = {
  ACTIVE: "Active",
  NOT_ACTIVE: "Not active",
  NOT_CONFIGURED: "Not configured",
  NOT_AVAILABLE: "Not available",
};

export const NOT_LOGGED_IN = "Not logged in yet";

/** A users-list row as the table shows it, formatted on the server so browser and server agree. */
export type UserListRow = {
  id: string;
  name: string;
  /** As people read it: an internationalised domain in Unicode. */
  email: string;
  role: string;
  phone: string;
  deviceCount: number;
  twoFactor: string;
  lastLogin: string;
  /** ISO time of the last login, shown in the viewer's time zone; null when never. */
  lastLoginAt: string | null;
  /** Why Roster cannot set this user's password (directory-managed, no console access), or null when it can. */
  credentialsProblem: string | null;
};

/** Formats a listed user for the table; `roles` maps role ids to the names shown and whether they reach the console. */
export function toUserListRow(u: UserRow, roles: ReadonlyMap<string, { name: string; consoleAccess: boolean }> = new Map()): UserListRow {
  const role = roles.get(u.roleId);
  return {
    id: u.id,
    name: u.displayName || u.alias,
    email: displayAddress(u.email),
    role: role?.name ?? "",
    phone: u.phone,
    deviceCount: u.deviceCount,
    twoFactor: twoFactorLabels[u.twoFactor],
    lastLogin: u.lastLoginAt ? formatDateTime(u.lastLoginAt) : NOT_LOGGED_IN,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    credentialsProblem: credentialsProblem({ source: u.source, status: u.status, consoleAccess: role?.consoleAccess ?? false }),
  };
}
