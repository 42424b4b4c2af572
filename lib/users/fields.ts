import { twoFactorForRole } from "@/lib/auth/two-factor-state";

/** The mailbox part of an address: the default alias of a new user. */
export function aliasFromEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return (at < 0 ? email : email.slice(0, at)) || email;
}

/**
 * Text as the search column stores it: lower-cased, with LIKE's wildcard and
 * escape characters swapped for private-use code points. Prisma's `contains`
 * does not escape them, and SQLite's LIKE has no default escape character,
 * so this is what keeps a search for "50%" or "john_doe" literal on both.
 */
export function searchKey(text: string): string {
  return text.toLowerCase().replace(/%/g, "\uE000").replace(/_/g, "\uE001").replace(/\\/g, "\uE002");
}

/** Columns derived from a user's name, alias, email and phone, kept in step on every write. */
export function derivedUserColumns(user: { email: string; alias: string; displayName: string; phone: string }) {
  const emailNormalized = user.email.trim().toLowerCase();
  return {
    emailNormalized,
    sortName: (user.displayName.trim() || user.alias.trim() || emailNormalized).toLowerCase(),
    searchText: [user.displayName, user.alias, emailNormalized, user.phone, user.phone.replace(/[^\d+]/g, "")]
      .map((part) => searchKey(part.trim()))
      .filter(Boolean)
      .join(" "),
  };
}

/**
 * Every column of a new user row for the bulk insert (which uses no database
 * defaults), as the client would write it: no password, the 2FA state that
 * goes with the role's console access, derived columns filled in.
 */
export function newUserRow(user: {
  id: string;
  workspaceId: string;
  email: string;
  alias: string;
  displayName: string;
  phone: string;
  role: { id: string; consoleAccess: boolean };
  source: "CONSOLE" | "CSV";
  exchange?: { domain: string; username: string } | null;
  importRunId?: string | null;
  createdById: string | null;
  now: Date;
}) {
  const profile = { email: user.email, alias: user.alias, displayName: user.displayName, phone: user.phone };
  return {
    id: user.id, ...profile, ...derivedUserColumns(profile),
    workspaceId: user.workspaceId, roleId: user.role.id, status: "ACTIVE", passwordHash: null, mustChangePassword: false, totpSecret: null,
    twoFactor: twoFactorForRole(user.role), lastLoginAt: null, deviceCount: 0,
    exchangeDomain: user.exchange?.domain ?? null, exchangeUsername: user.exchange?.username ?? null,
    source: user.source, importRunId: user.importRunId ?? null, nextStepsHintCount: 0,
    createdById: user.createdById, createdAt: user.now, updatedAt: user.now,
  };
}
