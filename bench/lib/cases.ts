/** The users-list cases the bench times, with real keyset cursors for the late pages. */
import type { Db } from "@/lib/db/client";
import { encodeCursor } from "@/lib/db/keyset";
import type { UserListQuery } from "@/lib/users/schema";
import { usersQuery } from "./users-page";

export type BenchCase = { name: string; query: UserListQuery };

/** The row at 0-based `position` in a sort order, turned into the "Next" cursor that follows it. */
async function cursorAfter(db: Db, workspaceId: string, field: "sortName" | "deviceCount" | "twoFactor", dir: "asc" | "desc", position: number): Promise<string> {
  const [row] = await db.user.findMany({
    where: { workspaceId },
    orderBy: [{ [field]: dir }, { id: dir }],
    skip: position,
    take: 1,
    select: { id: true, sortName: true, deviceCount: true, twoFactor: true },
  });
  if (!row) throw new Error(`no row at position ${position}`);
  return encodeCursor({ value: row[field], id: row.id, dir: "after", start: position + 1 });
}

/** The cases, built once per database (the cursors name rows of that database). */
export async function benchCases(db: Db, workspaceId: string, lateRow = 95_000): Promise<BenchCase[]> {
  const late = `rows ${(lateRow + 1).toLocaleString("en-US")}–`;
  return [
    { name: "name asc, page 1", query: usersQuery({}) },
    { name: `name asc, late page (${late})`, query: usersQuery({ cursor: await cursorAfter(db, workspaceId, "sortName", "asc", lateRow - 1) }) },
    { name: "name asc, last page (Last cursor)", query: usersQuery({ cursor: encodeCursor({ value: null, id: "", dir: "last", start: 0 }) }) },
    { name: 'search "son", page 1', query: usersQuery({ q: "son" }) },
    { name: "lastLogin desc, page 1", query: usersQuery({ sort: "lastLogin", dir: "desc" }) },
    { name: `devices desc, late page (${late})`, query: usersQuery({ sort: "devices", dir: "desc", cursor: await cursorAfter(db, workspaceId, "deviceCount", "desc", lateRow - 1) }) },
    { name: `2FA asc, late page (${late})`, query: usersQuery({ sort: "twoFactor", cursor: await cursorAfter(db, workspaceId, "twoFactor", "asc", lateRow - 1) }) },
    { name: "filter has devices, page 1", query: usersQuery({ devices: "yes" }) },
    { name: "filter 2FA active + has devices, p. 1", query: usersQuery({ twoFactor: "ACTIVE", devices: "yes" }) },
  ];
}
