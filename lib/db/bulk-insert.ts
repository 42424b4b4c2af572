import type { Db, Tx } from "./client";

/** A value the bulk insert can bind on both engines. */
export type BulkValue = string | number | boolean | Date | null;

const ROWS_PER_STATEMENT = 1000;

/**
 * Inserts many rows inside the caller's transaction, 1,000 rows a statement,
 * each statement carrying its rows as one JSON parameter that the database
 * unpacks itself (SQLite `json_each`, PostgreSQL `json_populate_recordset`).
 * Binding every value as its own parameter (`INSERT … VALUES (…),(…)`) spent
 * most of its time converting tens of thousands of parameters; the Prisma
 * client's createMany is slower still. This is the one place bulk paths
 * (wizard finish, CSV import, demo data) write through. Every row must carry
 * the same columns, including ids and timestamps: database defaults are not
 * used, so rows look exactly like those the client writes.
 */
export async function bulkInsert(tx: Db | Tx, table: string, rows: Record<string, BulkValue>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  assertIdentifier(table);
  columns.forEach(assertIdentifier);
  const sqlite = providerOf(tx) === "sqlite";
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  const sql = sqlite
    ? `INSERT INTO "${table}" (${columnList}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each(?)`
    : `INSERT INTO "${table}" (${columnList}) SELECT ${columnList} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  let inserted = 0;
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT).map((row) => {
      if (Object.keys(row).length !== columns.length) throw new Error(`bulkInsert: every row of ${table} needs the columns ${columns.join(", ")}`);
      return columns.map((column) => {
        const value = row[column];
        if (value === undefined) throw new Error(`bulkInsert: a row of ${table} lacks ${column}`);
        return sqlite ? sqliteValue(value) : pgValue(value);
      });
    });
    // SQLite reads each row as an array by position; PostgreSQL matches object keys to the table's columns.
    const payload = sqlite ? chunk : chunk.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]])));
    inserted += await tx.$executeRawUnsafe(sql, JSON.stringify(payload));
  }
  return inserted;
}

/** Values as the SQLite adapter stores them: DateTime as ISO text with an explicit +00:00 offset, booleans as 0/1. */
function sqliteValue(value: BulkValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Values for json_populate_recordset: timestamps as UTC ISO text (the columns are `timestamp(3)`, UTC by convention). */
function pgValue(value: BulkValue): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}

/** Which engine a client (or a transaction of one) talks to. */
export function providerOf(client: Db | Tx): "sqlite" | "postgresql" {
  const provider = (client as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider !== "sqlite" && provider !== "postgresql") throw new Error(`bulkInsert: unknown database provider ${String(provider)}`);
  return provider;
}

// Table and column names come from code, never from input; refuse anything else.
function assertIdentifier(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bulkInsert: bad identifier ${name}`);
}
