import { describe, expect, it } from "vitest";
import { parseCsvText } from "@/lib/csv/parse";
import { exportHeader, exportUserLines } from "@/lib/users/export-users";
import { listUsers } from "@/lib/users/list-users";
import { userListQuerySchema, type UserListQuery } from "@/lib/users/schema";
import { derivedUserColumns } from "@/lib/users/fields";
import { createGroups, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import type { Db } from "@/lib/db/client";

const query = (q: Partial<UserListQuery> = {}): UserListQuery => ({ ...userListQuerySchema.parse({}), ...q });

async function exportText(db: Db, workspaceId: string, q: UserListQuery, batch: number) {
  let text = "";
  for await (const chunk of exportUserLines(db, workspaceId, q, batch)) text += chunk;
  return text;
}

describe.each(testProviders)("users export on %s", (provider) => {
  const db = testDb(provider);

  it("writes the filtered list in the list's order, in batches, with role, groups and created at", async () => {
    const { workspace, roles } = await createWorkspace(db);
    const other = await createWorkspace(db);
    const { userIds } = await createUsers(db, workspace.id, 45, { roleId: roles.user, seed: 11 });
    await createUsers(db, other.workspace.id, 5, { roleId: other.roles.user });
    await createGroups(db, workspace.id, [{ name: "Sales", memberIds: userIds.slice(0, 3) }, { name: "Remote", memberIds: userIds.slice(0, 1) }]);

    const q = query({ sort: "lastLogin", dir: "desc" });
    const text = await exportText(db, workspace.id, q, 7);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const csv = parseCsvText(text);
    expect(csv.header).toEqual(exportHeader);
    expect(csv.rows).toHaveLength(46);

    // Same order as the list itself.
    const listed: string[] = [];
    let cursor = "";
    for (;;) {
      const page = await listUsers(db, workspace.id, { ...q, size: 25, cursor });
      listed.push(...page.rows.map((r) => r.email));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(csv.rows.map((r) => r[1])).toEqual(listed);

    const first = await db.user.findUniqueOrThrow({ where: { id: userIds[0] }, include: { role: true } });
    const row = csv.rows.find((r) => r[1] === first.email)!;
    expect(row[6]).toBe("User");
    expect(row[7]).toBe("Remote; Sales");
    expect(row[8]).toBe(first.createdAt.toISOString());
  });

  it("applies the search and neutralises cells that a spreadsheet would run as formulas", async () => {
    const { workspace, roles } = await createWorkspace(db);
    const { userIds } = await createUsers(db, workspace.id, 3, { roleId: roles.user });
    const evil = await db.user.findUniqueOrThrow({ where: { id: userIds[1] } });
    const displayName = '=HYPERLINK("http://evil.example","click")';
    await db.user.update({ where: { id: evil.id }, data: { displayName, phone: "+1 555 0100", ...derivedUserColumns({ ...evil, displayName, phone: "+1 555 0100" }) } });

    const csv = parseCsvText(await exportText(db, workspace.id, query({ q: "hyperlink" }), 1000));
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0][0]).toBe(`'${displayName}`);
    expect(csv.rows[0][2]).toBe("'+1 555 0100");
  });
});
