import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** The PostgreSQL server tests use; a throw-away database is made on it per run. */
export const adminPostgresUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** The URL of a database called `name` on the same server as `adminUrl`. */
export function postgresUrlFor(name: string, adminUrl = adminPostgresUrl): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates an empty PostgreSQL database with a unique name; returns its URL and
 * a function dropping it. With `icu`, the database's default collation is ICU
 * en-US (as managed PostgreSQL services often create them) instead of the
 * server's default, so tests see what order-sensitive code does there.
 */
export async function createPostgresDatabase(prefix = "roster_test", options: { icu?: boolean } = {}) {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  try {
    await admin.query(options.icu ? `CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'` : `CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: postgresUrlFor(name),
    async drop() {
      const c = new pg.Client({ connectionString: adminPostgresUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh SQLite file under the temp folder; returns its URL and a function removing it. */
export function createSqliteDatabase(prefix = "roster-test") {
  const file = path.join(os.tmpdir(), `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}.db`);
  return {
    url: `file:${file}`,
    drop() {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
}
