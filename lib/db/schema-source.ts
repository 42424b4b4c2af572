import { readFileSync } from "node:fs";
import path from "node:path";

/** The two database engines Roster runs on. */
export const providers = ["sqlite", "postgresql"] as const;
export type Provider = (typeof providers)[number];

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(projectRoot, "prisma/schema.prisma");

/** Folder holding one provider's migrations, in Prisma Migrate's layout. */
export function migrationsDir(provider: Provider): string {
  return path.join(projectRoot, "prisma/migrations", provider);
}

/**
 * The provider's schema as of its latest migration. Migrations are written by
 * diffing this against the current schema, so no database is needed.
 */
export function snapshotPath(provider: Provider): string {
  return path.join(migrationsDir(provider), "datamodel.prisma");
}

/** Folder the provider's generated Prisma client is written to. */
export function clientDir(provider: Provider): string {
  return path.join(projectRoot, "lib/db/generated", provider);
}

/**
 * The schema source rendered for one provider: the datasource provider and
 * the generator output are the only lines that differ between the two.
 */
export function renderSchema(provider: Provider, source = readFileSync(schemaPath, "utf8")): string {
  const withProvider = source.replace(
    /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"[^"]*"/,
    `$1"${provider}"`,
  );
  return withProvider.replace(
    /(generator\s+client\s*\{[^}]*output\s*=\s*)"[^"]*"/,
    `$1"../lib/db/generated/${provider}"`,
  );
}
