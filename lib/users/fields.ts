/** The mailbox part of an address: the default alias of a new user. */
export function aliasFromEmail(email: string): string {
  return email.slice(0, email.lastIndexOf("@")) || email;
}

/** Columns derived from a user's name, alias, email and phone, kept in step on every write. */
export function derivedUserColumns(user: { email: string; alias: string; displayName: string; phone: string }) {
  const emailNormalized = user.email.trim().toLowerCase();
  return {
    emailNormalized,
    sortName: (user.displayName.trim() || user.alias.trim() || emailNormalized).toLowerCase(),
    searchText: [user.displayName, user.alias, emailNormalized, user.phone, user.phone.replace(/[^\d+]/g, "")]
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean)
      .join(" "),
  };
}
