import type { Db, Tx } from "@/lib/db/client";

/** Addresses (lower-cased) that already belong to users of the workspace. */
export async function existingAddresses(db: Db, workspaceId: string, emails: string[]): Promise<Set<string>> {
  return new Set((await existingUserIds(db, workspaceId, emails.map((e) => e.toLowerCase()))).keys());
}

/** For each address (lower-cased) that belongs to a user of the workspace, that user's id; read 1,000 addresses a query. */
export async function existingUserIds(db: Db | Tx, workspaceId: string, emailsNormalized: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(emailsNormalized)];
  const found = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const users = await db.user.findMany({
      where: { workspaceId, emailNormalized: { in: unique.slice(i, i + 1000) } },
      select: { id: true, emailNormalized: true },
    });
    users.forEach((u) => found.set(u.emailNormalized, u.id));
  }
  return found;
}
