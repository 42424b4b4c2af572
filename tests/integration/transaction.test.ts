import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { transaction } from "@/lib/db/transaction";
import { parseDatabaseUrl } from "@/lib/db/url";
import { createWorkspace } from "../factories";
import { testDb } from "../support/db";

describe("transaction on sqlite", () => {
  const db = testDb("sqlite");

  it("retries a read-then-write transaction that another connection's write made stale", async () => {
    const { workspace } = await createWorkspace(db);
    const target = parseDatabaseUrl(inject("databaseUrls").sqlite);
    const other = new Database(target.provider === "sqlite" ? target.file : "");
    let attempts = 0;
    try {
      await transaction(db, async (tx) => {
        attempts++;
        await tx.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
        // Another process writes between this transaction's read and its write.
        if (attempts === 1) other.prepare(`UPDATE "Workspace" SET "settings" = '{"by":"other"}' WHERE "id" = ?`).run(workspace.id);
        await tx.workspace.update({ where: { id: workspace.id }, data: { name: "Renamed" } });
      });
    } finally {
      other.close();
    }
    expect(attempts).toBe(2);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({ name: "Renamed", settings: '{"by":"other"}' });
  });

  it("does not retry other failures", async () => {
    let attempts = 0;
    await expect(
      transaction(db, async () => {
        attempts++;
        throw new Error("a bug");
      }),
    ).rejects.toThrow("a bug");
    expect(attempts).toBe(1);
  });
});

describe("transaction on postgresql", () => {
  const db = testDb("postgresql");

  /** Resolves once `parties` callers have arrived. */
  function barrier(parties: number) {
    let arrived = 0;
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    return () => {
      if (++arrived === parties) release();
      return all;
    };
  }

  it.each([
    ["model queries (P2034)", "model"],
    ["raw queries (the adapter's TransactionWriteConflict)", "raw"],
  ] as const)("retries the victim of a real deadlock to success: %s", async (_label, kind) => {
    const a = (await createWorkspace(db)).workspace.id;
    const b = (await createWorkspace(db)).workspace.id;
    const bothHoldTheirFirstLock = barrier(2);
    const attempts = { ab: 0, ba: 0 };
    const failures: unknown[] = [];

    const rename = async (tx: Parameters<Parameters<typeof transaction>[1]>[0], id: string, name: string) => {
      if (kind === "model") await tx.workspace.update({ where: { id }, data: { name } });
      else await tx.$executeRaw`UPDATE "Workspace" SET "name" = ${name} WHERE "id" = ${id}`;
    };
    // Two transactions lock the same two rows in opposite orders: PostgreSQL aborts one with 40P01.
    const lockBoth = (order: "ab" | "ba", first: string, second: string) =>
      transaction(db, async (tx) => {
        const attempt = ++attempts[order];
        try {
          await rename(tx, first, `first ${order}`);
          if (attempt === 1) await bothHoldTheirFirstLock();
          await rename(tx, second, `second ${order}`);
        } catch (error) {
          failures.push(error);
          throw error;
        }
      }, { timeout: 20_000 });

    await Promise.all([lockBoth("ab", a, b), lockBoth("ba", b, a)]);

    expect(failures).toHaveLength(1);
    expect(String((failures[0] as Error).message)).toMatch(/deadlock|write conflict/i);
    expect(attempts.ab + attempts.ba).toBe(3);
    if (kind === "model") expect(failures[0]).toMatchObject({ code: "P2034" });
    // Both rows were last written by whichever transaction committed second, retried or not.
    const nameOf = async (id: string) => (await db.workspace.findUniqueOrThrow({ where: { id } })).name;
    const [nameA, nameB] = [await nameOf(a), await nameOf(b)];
    const winner = nameA.slice(-2);
    expect([nameA, nameB]).toEqual(winner === "ab" ? ["first ab", "second ab"] : ["second ba", "first ba"]);
  });

  it("does not retry other failures", async () => {
    let attempts = 0;
    await expect(
      transaction(db, async () => {
        attempts++;
        throw new Error("a bug");
      }),
    ).rejects.toThrow("a bug");
    expect(attempts).toBe(1);
  });
});
