import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { decodeCursor, encodeCursor, fetchKeysetPage, type KeysetCursor, type SortValue } from "@/lib/db/keyset";
import { asciiSearchForm } from "@/lib/email-address/idn";
import { searchKey } from "./fields";
import { twoFactorStates, type UserListQuery } from "./schema";

/** Each sort key's column, for keyset paging (the list and the export). */
export const sortColumns = {
  name: { field: "sortName", nullable: false },
  email: { field: "emailNormalized", nullable: false },
  phone: { field: "phone", nullable: false },
  devices: { field: "deviceCount", nullable: false },
  // Enums have no range filters in Prisma; the keyset compares through the ordered list of values.
  twoFactor: { field: "twoFactor", nullable: false, values: twoFactorStates },
  lastLogin: { field: "lastLoginAt", nullable: true },
} as const;

export const rowSelect = {
  id: true,
  email: true,
  emailNormalized: true,
  alias: true,
  displayName: true,
  sortName: true,
  phone: true,
  deviceCount: true,
  twoFactor: true,
  lastLoginAt: true,
  roleId: true,
  source: true,
  status: true,
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof rowSelect }>;

/**
 * A search scans every row (LIKE '%…%' cannot use an index), so its count
 * stops here and the list says "1,000+"; filters and plain lists count exactly.
 */
export const SEARCH_COUNT_CAP = 1000;

export type UserListPage = {
  rows: UserRow[];
  /** Matching users, or SEARCH_COUNT_CAP when `totalIsAtLeast`. */
  total: number;
  totalIsAtLeast: boolean;
  /** 0-based index of the first row within the filtered list. */
  start: number;
  next: string | null;
  prev: string | null;
  last: string | null;
};

/** The filter part of a users-list query, always inside one workspace. */
export function userListWhere(workspaceId: string, query: UserListQuery): Prisma.UserWhereInput {
  const where: Prisma.UserWhereInput = { workspaceId };
  // Addresses are stored with punycode domains; a search typed with the Unicode domain people see finds them too.
  const ascii = query.q ? asciiSearchForm(query.q) : null;
  if (ascii) where.OR = [{ searchText: { contains: searchKey(query.q) } }, { searchText: { contains: searchKey(ascii) } }];
  else if (query.q) where.searchText = { contains: searchKey(query.q) };
  if (query.role) where.roleId = query.role;
  if (query.twoFactor) where.twoFactor = query.twoFactor;
  if (query.devices === "yes") where.deviceCount = { gt: 0 };
  if (query.devices === "no") where.deviceCount = 0;
  // Every instruction email carries an enrollment token, kept for its 720 days (messages are cleaned after 90).
  if (query.instructions === "sent") where.enrollmentTokens = { some: {} };
  if (query.instructions === "never") where.enrollmentTokens = { none: {} };
  return where;
}

/** One page of the users list, with the total and cursors for the neighbouring pages. */
export async function listUsers(db: Db, workspaceId: string, query: UserListQuery): Promise<UserListPage> {
  const where = userListWhere(workspaceId, query);
  const column = sortColumns[query.sort];
  const valueOf = (row: UserRow): SortValue => row[column.field];
  const cursor = decodeCursor(query.cursor);
  const counted = await db.user.count({ where, ...(query.q ? { take: SEARCH_COUNT_CAP + 1 } : {}) });
  const totalIsAtLeast = counted > SEARCH_COUNT_CAP && Boolean(query.q);
  const total = totalIsAtLeast ? SEARCH_COUNT_CAP : counted;

  const toLast = cursor?.dir === "last" && !totalIsAtLeast;
  const backward = toLast || cursor?.dir === "before";
  // Forward pages read one row more than they show, to know whether a next page exists.
  const take = toLast ? lastPageSize(total, query.size) : backward ? query.size : query.size + 1;
  const fetched = await fetchUsersInOrder(db, where, query, rowSelect, {
    take,
    cursor: cursor && cursor.dir !== "last" ? { value: cursor.value, id: cursor.id } : undefined,
    backward,
  });
  // Fewer rows before the cursor than a page (rows were deleted meanwhile): show the first page.
  if (cursor?.dir === "before" && fetched.length < query.size) return listUsers(db, workspaceId, { ...query, cursor: "" });
  // Nothing left after the cursor (its rows were deleted): show the last page, or the first when a search is capped.
  if (fetched.length === 0 && counted > 0 && cursor) {
    return listUsers(db, workspaceId, { ...query, cursor: totalIsAtLeast ? "" : encodeCursor({ value: null, id: "", dir: "last", start: 0 }) });
  }
  const rows = fetched.slice(0, query.size);
  const hasNext = backward ? !toLast : fetched.length > query.size;

  const start = toLast ? Math.max(0, total - rows.length) : Math.max(0, cursor?.dir === "last" ? 0 : (cursor?.start ?? 0));
  const first = rows[0];
  const lastRow = rows[rows.length - 1];
  const hasPrev = start > 0 && first !== undefined;
  return {
    rows,
    total,
    totalIsAtLeast,
    start,
    next: hasNext && lastRow ? encodeCursor({ value: valueOf(lastRow), id: lastRow.id, dir: "after", start: start + rows.length }) : null,
    prev: hasPrev && first ? encodeCursor({ value: valueOf(first), id: first.id, dir: "before", start: Math.max(0, start - query.size) }) : null,
    // With a capped count the last page's position is unknown; Next still walks there.
    last: hasNext && !totalIsAtLeast ? encodeCursor({ value: null, id: "", dir: "last", start: 0 }) : null,
  };
}

/**
 * Users matching `where`, in the order the list query names, after (or,
 * backward, before) a cursor: the one keyset read the list and the export share.
 */
export function fetchUsersInOrder<S extends Prisma.UserSelect & { id: true; sortName: true; emailNormalized: true; phone: true; deviceCount: true; twoFactor: true; lastLoginAt: true }>(
  db: Db,
  where: Prisma.UserWhereInput,
  query: Pick<UserListQuery, "sort" | "dir">,
  select: S,
  page: { take: number; cursor?: KeysetCursor; backward?: boolean },
) {
  type Row = Prisma.UserGetPayload<{ select: S }>;
  const column = sortColumns[query.sort];
  return fetchKeysetPage<Row>({
    field: column.field,
    nullable: column.nullable,
    values: "values" in column ? column.values : undefined,
    dir: query.dir,
    ...page,
    fetch: (seg) =>
      db.user.findMany({
        where: { AND: [where, seg.where as Prisma.UserWhereInput] },
        orderBy: seg.orderBy as Prisma.UserOrderByWithRelationInput[],
        take: seg.take,
        select,
      }) as Promise<Row[]>,
    valueOf: (row) => (row as Record<string, unknown>)[column.field] as SortValue,
    idOf: (row) => (row as { id: string }).id,
  });
}

// The last page holds the remainder, so pages line up with those reached by "Next".
function lastPageSize(total: number, size: number): number {
  return total === 0 ? size : total % size || size;
}
