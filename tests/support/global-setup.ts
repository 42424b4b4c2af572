import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../../lib/db/prepare-database";
import { createPostgresDatabase, createSqliteDatabase } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrls: { sqlite: string; postgresql: string };
  }
}

/** One migrated SQLite file and one migrated PostgreSQL database per test run, dropped at the end. */
export default async function setup(project: TestProject) {
  const sqlite = createSqliteDatabase();
  const postgres = await createPostgresDatabase();
  // Prepared as `npm start` prepares a database (migrations, SQLite in WAL mode).
  await prepareDatabase(sqlite.url);
  await prepareDatabase(postgres.url);
  project.provide("databaseUrls", { sqlite: sqlite.url, postgresql: postgres.url });
  return async () => {
    sqlite.drop();
    await postgres.drop();
  };
}
