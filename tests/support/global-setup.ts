import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../../lib/db/prepare-database";
import { createPostgresDatabase, createSqliteDatabase } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrls: { sqlite: string; postgresql: string };
  }
}

/** One migrated SQLite file and one migrated PostgreSQL database (ICU en-US collation) per test run, dropped at the end. */
export default async function setup(project: TestProject) {
  const sqlite = createSqliteDatabase();
  // ICU en-US, not the server's C.UTF-8: sorting must not depend on the database's collation.
  const postgres = await createPostgresDatabase("roster_test", { icu: true });
  // Prepared as `npm start` prepares a database (migrations, SQLite in WAL mode).
  await prepareDatabase(sqlite.url);
  await prepareDatabase(postgres.url);
  project.provide("databaseUrls", { sqlite: sqlite.url, postgresql: postgres.url });
  return async () => {
    sqlite.drop();
    await postgres.drop();
  };
}
