import type { Tx } from "./client";

/**
 * Holds the workspace's row for the rest of `tx`, so the rules that count
 * before they write (seats, the last administrator) are serialised per
 * workspace. A no-op UPDATE on both engines: on PostgreSQL it takes the row's
 * FOR NO KEY UPDATE lock (a second holder waits and then reads what the first
 * committed, while the foreign-key checks of inserts elsewhere in the
 * workspace, FOR KEY SHARE, do not wait on it); on SQLite it takes the
 * database's one write lock (a transaction that read a stale snapshot then
 * fails busy and is run again by lib/db/transaction.ts).
 */
export async function lockWorkspaceRow(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Workspace" SET "name" = "name" WHERE "id" = ${workspaceId}`;
}
