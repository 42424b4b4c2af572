/** Throw-away bench databases (SQLite temp file, PostgreSQL database), migrated, seeded with 100,000 users and analyzed. */
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import type { Provider } from "@/lib/db/schema-source";
import { parseDatabaseUrl, redact } from "@/lib/db/url";
import { createUsers, createWorkspace } from "@/tests/factories";
import { adminPostgresUrl, createPostgresDatabase, createSqliteDatabase } from "@/tests/support/test-databases";
import { since } from "./stats";

export type BenchDatabase = { provider: Provider; url: string; where: string; db: Db; close: () => Promise<void> };

/** Creates and migrates an empty database; `close` disconnects and deletes it. */
export async function openBenchDatabase(provider: Provider): Promise<BenchDatabase> {
  const made = provider === "sqlite" ? createSqliteDatabase("roster-bench") : await createPostgresDatabase("roster_bench");
  try {
    await applyMigrations(made.url);
    const target = parseDatabaseUrl(made.url);
    // As lib/db/prepare-database.ts does for the console's own SQLite file.
    if (target.provider === "sqlite") {
      const file = new Database(target.file);
      file.pragma("journal_mode = WAL");
      file.close();
    }
    const db = createDb(target);
    const where = target.provider === "sqlite" ? target.file : `${redact(adminPostgresUrl)} (database ${new URL(made.url).pathname.slice(1)})`;
    return { provider, url: made.url, where, db, close: async () => { await db.$disconnect(); await made.drop(); } };
  } catch (error) {
    await made.drop();
    throw error;
  }
}

export type Seeded = { workspaceId: string; users: number; devices: number; seconds: number };

/**
 * One workspace with `chunks` × `perChunk` users from factories.createUsers
 * (each chunk its own call and transaction), then 1% of them made
 * administrators with the three 2FA states, so the 2FA filter has something to find.
 */
export async function seedUsers(db: Db, chunks = 10, perChunk = 10_000): Promise<Seeded> {
  const start = performance.now();
  const { workspace, admin, roles } = await createWorkspace(db, { name: "Bench" });
  let devices = 0;
  const ids: string[] = [];
  for (let i = 0; i < chunks; i++) {
    const made = await createUsers(db, workspace.id, perChunk, { roleId: roles.user, createdById: admin.id, seed: 1_000 + i, startAt: i * perChunk });
    devices += made.devices;
    ids.push(...made.userIds.filter((_, j) => j % 100 === 0));
  }
  const states = ["ACTIVE", "NOT_ACTIVE", "NOT_CONFIGURED"] as const;
  await db.$transaction(async (tx) => {
    for (const [k, twoFactor] of states.entries()) {
      await tx.user.updateMany({ where: { id: { in: ids.filter((_, j) => j % states.length === k) } }, data: { twoFactor, roleId: roles.admin } });
    }
  });
  return { workspaceId: workspace.id, users: chunks * perChunk, devices, seconds: since(start) / 1000 };
}

/**
 * Gives the planner statistics, as a maintained database would have. On
 * PostgreSQL this is VACUUM ANALYZE, which autovacuum soon does after a bulk
 * load: without the visibility map it sets, index-only scans (the counts)
 * visit every heap page.
 */
export async function analyze(bench: BenchDatabase): Promise<void> {
  if (bench.provider === "postgresql") await bench.db.$executeRawUnsafe("VACUUM ANALYZE");
  else {
    await bench.db.$executeRawUnsafe("ANALYZE");
    await bench.db.$executeRawUnsafe("PRAGMA optimize");
  }
}
