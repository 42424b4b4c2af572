import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { decodeCursor, encodeCursor, fetchKeysetPage } from "@/lib/db/keyset";
import type { GroupListQuery } from "./schema";

export const GROUP_PAGE_SIZE = 50;

export type GroupRow = { id: string; name: string; nameNormalized: string; createdAt: Date; createdById: string | null; members: number; createdBy: string | null };

/** Lower-cased group-name search; LIKE's wildcards are taken literally by Prisma's `contains`. */
function groupWhere(workspaceId: string, query: Pick<GroupListQuery, "q">): Prisma.GroupWhereInput {
  return query.q ? { workspaceId, nameNormalized: { contains: query.q.toLowerCase() } } : { workspaceId };
}

/**
 * A page of the workspace's groups, keyset-paged on the name or creation
 * time (index (workspaceId, nameNormalized) serves the default order), with
 * member counts and creators' emails in two more queries, never per row.
 */
export async function listGroups(db: Db, workspaceId: string, query: GroupListQuery, size = GROUP_PAGE_SIZE) {
  const where = groupWhere(workspaceId, query);
  const field = query.sort === "created" ? "createdAt" : "nameNormalized";
  const cursor = decodeCursor(query.cursor);
  const total = await db.group.count({ where });
  const toLast = cursor?.dir === "last";
  const backward = toLast || cursor?.dir === "before";
  const take = toLast ? total % size || size : backward ? size : size + 1;
  const fetched = await fetchKeysetPage({
    field,
    nullable: false,
    dir: query.dir,
    take,
    cursor: cursor && !toLast && cursor.value !== null ? { value: cursor.value, id: cursor.id } : undefined,
    backward,
    fetch: (seg) =>
      db.group.findMany({
        where: { AND: [where, seg.where as Prisma.GroupWhereInput] },
        orderBy: seg.orderBy as Prisma.GroupOrderByWithRelationInput[],
        take: seg.take,
        select: { id: true, name: true, nameNormalized: true, createdAt: true, createdById: true, _count: { select: { members: true } } },
      }),
    valueOf: (row) => (field === "createdAt" ? row.createdAt : row.nameNormalized),
    idOf: (row) => row.id,
  });
  const page = fetched.slice(0, size);
  const rows = await withCreators(db, workspaceId, page);
  const hasNext = backward ? !toLast : fetched.length > size;
  const start = toLast ? Math.max(0, total - rows.length) : Math.min(cursor?.start ?? 0, Math.max(0, total - rows.length));
  const first = rows[0];
  const last = rows[rows.length - 1];
  const value = (r: GroupRow) => (field === "createdAt" ? r.createdAt : r.nameNormalized);
  return {
    rows,
    total,
    start,
    next: hasNext && last ? encodeCursor({ value: value(last), id: last.id, dir: "after", start: start + rows.length }) : null,
    prev: start > 0 && first ? encodeCursor({ value: value(first), id: first.id, dir: "before", start: Math.max(0, start - size) }) : null,
    last: hasNext ? encodeCursor({ value: null, id: "", dir: "last", start: 0 }) : null,
  };
}

type Fetched = { id: string; name: string; nameNormalized: string; createdAt: Date; createdById: string | null; _count: { members: number } };

/** Adds the member count and the creator's email (one query for the page's creators). */
export async function withCreators(db: Db, workspaceId: string, groups: Fetched[]): Promise<GroupRow[]> {
  const ids = [...new Set(groups.map((g) => g.createdById).filter((id): id is string => id !== null))];
  const creators = ids.length ? await db.user.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, email: true } }) : [];
  const email = new Map(creators.map((u) => [u.id, u.email]));
  return groups.map(({ _count, ...g }) => ({ ...g, members: _count.members, createdBy: g.createdById ? (email.get(g.createdById) ?? null) : null }));
}

/** The groups a user is in, by name, for the user's Groups tab. */
export async function listUserGroups(db: Db, workspaceId: string, userId: string): Promise<GroupRow[]> {
  const groups = await db.group.findMany({
    where: { workspaceId, members: { some: { userId } } },
    orderBy: [{ nameNormalized: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, nameNormalized: true, createdAt: true, createdById: true, _count: { select: { members: true } } },
  });
  return withCreators(db, workspaceId, groups);
}
