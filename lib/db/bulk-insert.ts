import { Prisma } from "./generated/postgresql/client.ts";
import type { Db, Tx } from "./client";

/** A value the bulk insert can bind on both engines. */
export type BulkValue = string | number | boolean | Date | null;

const ROWS_PER_STATEMENT = 500;

/**
 * Inserts many rows with multi-row `INSERT … VALUES (…),(…)` statements of
 * up to 500 rows, inside the caller's transaction. The Prisma client's
 * createMany is an order of magnitude slower for thousands of rows; this is
 * the one place bulk paths (wizard finish, CSV import, demo data) write
 * through. Every row must carry the same columns, including ids and
 * timestamps: database defaults are not used, so rows look exactly like
 * those the client writes.
 */
export async function bulkInsert(tx: Db | Tx, table: string, rows: Record<string, BulkValue>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  assertIdentifier(table);
  columns.forEach(assertIdentifier);
  const columnList = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  let inserted = 0;
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    // Prisma.sql binds every value and writes the placeholders each engine expects.
    const tuples = chunk.map((row) => {
      if (Object.keys(row).length !== columns.length) throw new Error(`bulkInsert: every row of ${table} needs the columns ${columns.join(", ")}`);
      return Prisma.sql`(${Prisma.join(
        columns.map((column) => {
          const value = row[column];
          if (value === undefined) throw new Error(`bulkInsert: a row of ${table} lacks ${column}`);
          return value;
        }),
      )})`;
    });
    inserted += await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columnList}) VALUES ${Prisma.join(tuples)}`;
  }
  return inserted;
}

// Table and column names come from code, never from input; refuse anything else.
function assertIdentifier(name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bulkInsert: bad identifier ${name}`);
}
