import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { decodeCursor, encodeCursor, fetchKeysetPage } from "@/lib/db/keyset";
import { searchKey } from "@/lib/users/fields";
import { auditKindsFor } from "./event-kinds";
import type { AuditListQuery } from "./schema";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

/** The filters of an Audit page query, always inside one workspace. */
export function auditWhere(workspaceId: string, query: AuditListQuery): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { workspaceId };
  const kinds = auditKindsFor(query.kind);
  if (kinds) where.action = kinds.length === 1 ? kinds[0] : { in: kinds };
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00.000Z`) } : {}),
      // Through the end of the last day named.
      ...(query.to ? { lt: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS) } : {}),
    };
  }
  // Lower-cased and with LIKE's wildcards swapped, as stored, so the search is literal and case-blind on both engines.
  if (query.q) where.searchText = { contains: searchKey(query.q) };
  return where;
}

/**
 * A page of the workspace's audit events, newest first, keyset-paged on
 * (createdAt, id) so a late page costs what the first does
 * (index `(workspaceId, createdAt, id)`, or `(workspaceId, action, createdAt, id)`
 * when filtered by kind).
 */
export async function listAuditEvents(db: Db, workspaceId: string, query: AuditListQuery, size = AUDIT_PAGE_SIZE) {
  const where = auditWhere(workspaceId, query);
  const cursor = decodeCursor(query.cursor);
  const total = await db.auditEvent.count({ where });
  const toLast = cursor?.dir === "last";
  const backward = toLast || cursor?.dir === "before";
  const take = toLast ? total % size || size : backward ? size : size + 1;
  const fetched = await fetchKeysetPage({
    field: "createdAt",
    nullable: false,
    dir: "desc",
    take,
    cursor: cursor && !toLast && cursor.value instanceof Date ? { value: cursor.value, id: cursor.id } : undefined,
    backward,
    fetch: (seg) =>
      db.auditEvent.findMany({
        where: { AND: [where, seg.where as Prisma.AuditEventWhereInput] },
        orderBy: seg.orderBy as Prisma.AuditEventOrderByWithRelationInput[],
        take: seg.take,
      }),
    valueOf: (row) => row.createdAt,
    idOf: (row) => row.id,
  });
  // The log only grows, so a page before the cursor is always whole unless the filters changed meanwhile: then start over.
  if (cursor?.dir === "before" && fetched.length < size) return listAuditEvents(db, workspaceId, { ...query, cursor: "" }, size);
  const rows = fetched.slice(0, size);
  const hasNext = backward ? !toLast : fetched.length > size;
  const start = toLast ? Math.max(0, total - rows.length) : (cursor?.start ?? 0);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    start,
    next: hasNext && last ? encodeCursor({ value: last.createdAt, id: last.id, dir: "after", start: start + rows.length }) : null,
    prev: start > 0 && first ? encodeCursor({ value: first.createdAt, id: first.id, dir: "before", start: Math.max(0, start - size) }) : null,
    last: hasNext ? encodeCursor({ value: null, id: "", dir: "last", start: 0 }) : null,
  };
}
