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
