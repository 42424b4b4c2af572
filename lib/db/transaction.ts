import type { Db, Tx } from "./client";

const MAX_ATTEMPTS = 6;

/**
 * Runs `fn` in a transaction, retrying the whole transaction when SQLite
 * reports the database busy. Prisma opens SQLite transactions with a plain
 * BEGIN, so a transaction that reads before it writes fails at once (busy
 * timeout or not) when another connection wrote meanwhile; the rolled-back
 * attempt can safely run again. PostgreSQL never reports these.
 */
export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, options);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isSqliteBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/** SQLITE_BUSY as the better-sqlite3 adapter reports it (P1008, "SocketTimeout"), or the raw driver error. */
export function isSqliteBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  const text = `${String(e?.code ?? "")} ${String(e?.cause?.code ?? "")} ${String(e?.message ?? "")}`;
  return /SQLITE_BUSY|database is locked|P1008/.test(text);
}
