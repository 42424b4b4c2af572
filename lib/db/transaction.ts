import type { Db, Tx } from "./client";

const MAX_ATTEMPTS = 6;

/**
 * Runs `fn` in a transaction, retrying the whole transaction when the
 * database says another transaction got in the way and the rolled-back
 * attempt can safely run again:
 * - SQLite busy: Prisma opens SQLite transactions with a plain BEGIN, so one
 *   that reads before it writes fails at once (busy timeout or not) when
 *   another connection wrote meanwhile.
 * - PostgreSQL serialization failure (40001) or deadlock (40P01): the server
 *   rolled one transaction back so the others could go on.
 */
export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, options);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/** Whether a failed transaction lost a race the database resolves by rolling one back (see `transaction`). */
export function isRetryableConflict(error: unknown): boolean {
  return isSqliteBusy(error) || isPgWriteConflict(error);
}

/** SQLITE_BUSY as the better-sqlite3 adapter reports it (P1008, "SocketTimeout"), or the raw driver error. */
export function isSqliteBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  const text = `${String(e?.code ?? "")} ${String(e?.cause?.code ?? "")} ${String(e?.message ?? "")}`;
  return /SQLITE_BUSY|database is locked|P1008/.test(text);
}

const PG_CONFLICT_CODES = new Set(["40001", "40P01"]);

/**
 * PostgreSQL's serialization failure or deadlock as Prisma 7 reports them
 * through @prisma/adapter-pg: a model query's error is P2034 ("Transaction
 * failed due to a write conflict or a deadlock"); a raw query's (P2010) or a
 * COMMIT's carries the adapter's error, kind "TransactionWriteConflict" with
 * the server's code as `originalCode`; the pg driver's own error has `code`.
 */
export function isPgWriteConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== "object" || depth > 4 || seen.has(value)) return false;
    seen.add(value);
    const e = value as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (e.code === "P2034" || e.kind === "TransactionWriteConflict") return true;
    if (PG_CONFLICT_CODES.has(String(e.originalCode)) || PG_CONFLICT_CODES.has(String(e.code))) return true;
    return visit(e.cause, depth + 1) || visit(e.meta?.driverAdapterError, depth + 1);
  };
  return visit(error, 0);
}
