/** Why a user cannot get a password from Roster, or null when they can. Shown in the UI as it is. */
export function credentialsProblem(user: { source: string; status: string; consoleAccess: boolean }): string | null {
  if (user.source === "DIRECTORY") return "Their account is managed by a directory: they sign in with the directory's password, so Roster cannot set or reset it.";
  if (!user.consoleAccess) return "Their role does not give access to the console, so they have no console password.";
  if (user.status !== "ACTIVE") return "Their account is not active.";
  return null;
}
