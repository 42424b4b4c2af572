import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/url";
import type { Provider } from "@/lib/db/schema-source";

export const testProviders: Provider[] = ["sqlite", "postgresql"];

const clients = new Map<Provider, Db>();

/** The run's migrated database of a provider (shared by test files; each test makes its own workspace). */
export function testDb(provider: Provider): Db {
  let db = clients.get(provider);
  if (!db) {
    db = createDb(parseDatabaseUrl(inject("databaseUrls")[provider]));
    clients.set(provider, db);
  }
  return db;
}

afterAll(async () => {
  await Promise.all([...clients.values()].map((db) => db.$disconnect()));
  clients.clear();
});
