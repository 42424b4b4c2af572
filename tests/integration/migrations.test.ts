/**
 * Migrations and schema stay in step, on both providers:
 * - the schema has no change that lacks a migration;
 * - replaying the migrations folder builds exactly the schema of the snapshot;
 * - applying is idempotent, and the status sees pending and unknown migrations;
 * - migrators started at once (several console instances) apply each migration once.
 *
 * PostgreSQL: TEST_DATABASE_URL is an admin connection used to create and drop
 * throw-away databases. SQLite files go to a temporary folder.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemas, migrationStatus } from "../../lib/db/schema-engine.ts";
import {
  migrationsDir,
  projectRoot,
  providers,
  renderSchema,
  snapshotPath,
  type Provider,
} from "../../lib/db/schema-source.ts";

const TIMEOUT = 60_000;
const FUTURE_MIGRATION = "29991231235959_from_the_future";

/** What a test needs from a provider: empty databases, raw SQL, and a comparable catalog. */
type Harness = {
  emptyDatabase(): Promise<string>;
  execute(url: string, sql: string): Promise<void>;
  /** Tables, columns, indexes and constraints, excluding _prisma_migrations, in a stable order. */
  catalog(url: string): Promise<unknown>;
  cleanup(): Promise<void>;
};

function sqliteHarness(): Harness {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roster-migrations-"));
  let count = 0;
  const open = (url: string) => new Database(url.slice("file:".length));
  return {
    emptyDatabase: async () => `file:${path.join(dir, `db${++count}.sqlite`)}`,
    execute: async (url, sql) => {
      const db = open(url);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    catalog: async (url) => {
      const db = open(url);
      try {
        const tables = db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
          )
          .pluck()
          .all() as string[];
        return tables.map((table) => ({
          table,
          // Column order is left out: ALTER TABLE appends, a fresh CREATE follows the schema.
          columns: (db.pragma(`table_info("${table}")`) as { name: string; cid?: number }[])
            .map((column) => ({ ...column, cid: undefined }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          indexes: (db.pragma(`index_list("${table}")`) as { name: string }[])
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((index) => ({
              ...index,
              seq: undefined,
              columns: (db.pragma(`index_info("${index.name}")`) as { cid?: number }[]).map((c) => ({ ...c, cid: undefined })),
            })),
          foreignKeys: db.pragma(`foreign_key_list("${table}")`),
        }));
      } finally {
        db.close();
      }
    },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresHarness(): Harness {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const created: string[] = [];
  const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const rows = async (client: pg.Client, sql: string) => (await client.query(sql)).rows;
  return {
    emptyDatabase: async () => {
      const name = `roster_test_${randomBytes(6).toString("hex")}`;
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    execute: async (url, sql) => {
      await withClient(url, (client) => client.query(sql));
    },
    catalog: (url) =>
      withClient(url, async (client) => ({
        columns: await rows(
          client,
          // Column order is left out: ALTER TABLE appends, a fresh CREATE follows the schema.
          `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
                  character_maximum_length, numeric_precision, datetime_precision
             FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
        ),
        indexes: await rows(
          client,
          `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
            ORDER BY tablename, indexname`,
        ),
        constraints: await rows(
          client,
          `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
             FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
            WHERE rel.relnamespace = 'public'::regnamespace AND rel.relname <> '_prisma_migrations'
            ORDER BY rel.relname, con.conname`,
        ),
        enums: await rows(
          client,
          `SELECT t.typname, e.enumlabel, e.enumsortorder
             FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE t.typnamespace = 'public'::regnamespace
            ORDER BY t.typname, e.enumsortorder`,
        ),
      })),
    cleanup: async () => {
      await withClient(adminUrl, async (client) => {
        for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

/** The migration folders, in the order they apply. */
function migrationNames(provider: Provider): string[] {
  return readdirSync(migrationsDir(provider), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Runs `npm run db:migrate` in its own process; resolves to its output, rejects on a non-zero exit. */
async function dbMigrate(url: string): Promise<string> {
  const tsx = path.join(projectRoot, "node_modules/tsx/dist/cli.mjs");
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, "scripts/db-migrate.ts"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
  });
  return stdout;
}

/** Records a migration the code does not have, as a newer release would have. */
async function recordFutureMigration(harness: Harness, url: string): Promise<void> {
  await harness.execute(
    url,
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
     VALUES ('future', 'checksum', '${FUTURE_MIGRATION}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)`,
  );
}

for (const provider of providers) {
  describe(`${provider} migrations`, () => {
    const harness = provider === "sqlite" ? sqliteHarness() : postgresHarness();
    const snapshot = readFileSync(snapshotPath(provider), "utf8");
    afterAll(() => harness.cleanup());

    it("has a migration for every schema change", async () => {
      // If this fails: run `npm run db:migration -- <name>` and commit what it writes.
      expect(await diffSchemas(provider, snapshot, renderSchema(provider))).toBe("");
    });

    it(
      "builds the snapshot's schema when the migrations are replayed",
      async () => {
        const migrated = await harness.emptyDatabase();
        expect(await applyMigrations(migrated)).toEqual(migrationNames(provider));

        const direct = await harness.emptyDatabase();
        await harness.execute(direct, await diffSchemas(provider, null, snapshot));

        const catalog = await harness.catalog(migrated);
        expect(JSON.stringify(catalog)).toContain('"Workspace"'); // not two empty catalogs
        expect(catalog).toEqual(await harness.catalog(direct));
      },
      TIMEOUT,
    );

    it(
      "applies once, then reports pending and unknown migrations",
      async () => {
        const url = await harness.emptyDatabase();
        const names = migrationNames(provider);
        expect((await migrationStatus(url)).pending).toEqual(names);

        expect(await applyMigrations(url)).toEqual(names);
        expect(await applyMigrations(url)).toEqual([]);
        expect(await migrationStatus(url)).toEqual({ pending: [], unknown: [], failed: [], edited: [] });

        await recordFutureMigration(harness, url);
        expect((await migrationStatus(url)).unknown).toEqual([FUTURE_MIGRATION]);
        await expect(applyMigrations(url)).rejects.toThrow(/does not know/);
      },
      TIMEOUT,
    );

    it(
      "applies each migration once when several processes migrate at once",
      async () => {
        const url = await harness.emptyDatabase();
        const outputs = await Promise.all([dbMigrate(url), dbMigrate(url), dbMigrate(url)]);
        expect(outputs.filter((output) => output.startsWith("Applied"))).toHaveLength(1);
        expect(await migrationStatus(url)).toEqual({ pending: [], unknown: [], failed: [], edited: [] });
      },
      TIMEOUT,
    );
  });
}
