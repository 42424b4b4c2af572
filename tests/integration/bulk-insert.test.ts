import { describe, expect, it } from "vitest";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { newId } from "@/lib/db/ids";
import { createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

describe.each(testProviders)("bulkInsert on %s", (provider) => {
  const db = testDb(provider);

  const groupRow = (workspaceId: string, i: number, createdAt = new Date("2026-03-04T05:06:07.089Z")) => ({
    id: newId(), workspaceId, name: `Group ${i}`, nameNormalized: `group ${i}`, description: i % 2 ? "odd" : "", createdById: null, createdAt,
  });

  it("writes rows the client reads back exactly as it would have written them, in chunks", async () => {
    const { workspace } = await createWorkspace(db);
    const rows = Array.from({ length: 1234 }, (_, i) => groupRow(workspace.id, i));
    const inserted = await db.$transaction((tx) => bulkInsert(tx, "Group", rows));
    expect(inserted).toBe(1234);
    const back = await db.group.findUniqueOrThrow({ where: { id: rows[7].id } });
    expect(back).toEqual({ ...rows[7] });
    expect(await db.group.count({ where: { workspaceId: workspace.id, createdAt: { gte: new Date("2026-03-04T05:06:07.089Z") } } })).toBe(1234);

    // Enums, booleans, nulls and dates round-trip too.
    const { admin } = await createWorkspace(db);
    const device = {
      id: newId(), workspaceId: admin.workspaceId, userId: admin.id, enrollmentTokenId: null, osFamily: "IPADOS", osVersion: "18.1", name: "", model: "iPad Air",
      components: "Agent", credentialHash: `cred-${newId()}`, enrolledAt: new Date("2026-01-01T00:00:00.000Z"), lastActivityAt: null,
    };
    await db.$transaction((tx) => bulkInsert(tx, "Device", [device]));
    expect(await db.device.findUniqueOrThrow({ where: { id: device.id } })).toEqual(device);
  });

  it("keeps text exactly, whatever characters it holds", async () => {
    const { workspace } = await createWorkspace(db);
    const awkward = ['quote " and \\ backslash', "line\nbreak\ttab", "emoji 😀 and Ёлка", "it's -- /* not */ SQL; DROP TABLE x", "\u2028\u2029", "{\"json\": [1]}"];
    const rows = awkward.map((name, i) => ({ ...groupRow(workspace.id, i), name, description: name }));
    await db.$transaction((tx) => bulkInsert(tx, "Group", rows));
    const back = await db.group.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true, description: true } });
    expect(back.sort((a, b) => a.id.localeCompare(b.id))).toEqual(rows.map((r) => ({ id: r.id, name: r.name, description: r.description })).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("writes nothing when a later chunk fails", async () => {
    const { workspace } = await createWorkspace(db);
    const rows = Array.from({ length: 1300 }, (_, i) => groupRow(workspace.id, i));
    rows[1250] = { ...rows[1250], nameNormalized: rows[3].nameNormalized }; // violates the per-workspace unique name
    await expect(db.$transaction((tx) => bulkInsert(tx, "Group", rows))).rejects.toThrow();
    expect(await db.group.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses rows with missing columns and names that are not identifiers", async () => {
    const { workspace } = await createWorkspace(db);
    const good = groupRow(workspace.id, 1);
    const { description: _omitted, ...short } = groupRow(workspace.id, 2);
    void _omitted;
    await expect(bulkInsert(db, "Group", [good, short])).rejects.toThrow(/needs the columns/);
    await expect(bulkInsert(db, 'Group"; DROP TABLE "User', [good])).rejects.toThrow(/bad identifier/);
  });
});
