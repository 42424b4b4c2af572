import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";
import { decodeCursor, encodeCursor, fetchKeysetPage, type SortValue } from "@/lib/db/keyset";
import type { DeviceListQuery } from "./schema";

const PAGE = 50;
const DAY = 86_400_000;
const columns = {
  lastActivity: { field: "lastActivityAt", nullable: true },
  name: { field: "name", nullable: false },
  enrolled: { field: "enrolledAt", nullable: false },
} as const;

/** The list's filters inside one workspace; the search looks in device name, model and the user's email. */
export function deviceListWhere(workspaceId: string, query: DeviceListQuery, now = new Date()): Prisma.DeviceWhereInput {
  const where: Prisma.DeviceWhereInput = { workspaceId };
  const and: Prisma.DeviceWhereInput[] = [];
  if (query.q) {
    // contains is case-sensitive on PostgreSQL; the typed, lower-case and capitalised forms cover how names are written.
    const forms = [...new Set([query.q, query.q.toLowerCase(), query.q.charAt(0).toUpperCase() + query.q.slice(1).toLowerCase()])];
    and.push({ OR: [
      ...forms.flatMap((f) => [{ name: { contains: f } }, { model: { contains: f } }]),
      { user: { emailNormalized: { contains: query.q.toLowerCase() } } },
    ] });
  }
  if (query.os) where.osFamily = query.os;
  if (query.user) where.userId = query.user;
  const since = (days: number) => new Date(now.getTime() - days * DAY);
  if (query.activity === "24h") where.lastActivityAt = { gte: since(1) };
  if (query.activity === "7d") where.lastActivityAt = { gte: since(7) };
  if (query.activity === "30d") where.lastActivityAt = { gte: since(30) };
  if (query.activity === "older") where.lastActivityAt = { lt: since(30) };
  if (query.activity === "never") where.lastActivityAt = null;
  if (and.length) where.AND = and;
  return where;
}

const select = {
  id: true, osFamily: true, osVersion: true, name: true, model: true, components: true, lastActivityAt: true, enrolledAt: true,
  user: { select: { id: true, email: true, displayName: true, alias: true } },
} satisfies Prisma.DeviceSelect;
export type DeviceRow = Prisma.DeviceGetPayload<{ select: typeof select }>;

/** One keyset page of the Devices list, with the count and cursors to the neighbouring pages. */
export async function listDevicesPage(db: Db, workspaceId: string, query: DeviceListQuery, now = new Date()) {
  const where = deviceListWhere(workspaceId, query, now);
  const column = columns[query.sort];
  const valueOf = (row: DeviceRow): SortValue => row[column.field];
  const cursor = decodeCursor(query.cursor);
  const backward = cursor?.dir === "before";
  const total = await db.device.count({ where });
  const fetched = await fetchKeysetPage<DeviceRow>({
    field: column.field,
    nullable: column.nullable,
    dir: query.dir,
    take: backward ? PAGE : PAGE + 1,
    cursor: cursor && cursor.dir !== "last" ? { value: cursor.value, id: cursor.id } : undefined,
    backward,
    fetch: (seg) => db.device.findMany({
      where: { AND: [where, seg.where as Prisma.DeviceWhereInput] },
      orderBy: seg.orderBy as Prisma.DeviceOrderByWithRelationInput[],
      take: seg.take,
      select,
    }),
    valueOf,
    idOf: (row) => row.id,
  });
  const rows = fetched.slice(0, PAGE);
  const start = cursor?.start ?? 0;
  const hasNext = backward ? true : fetched.length > PAGE;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows, total, start,
    next: hasNext && last ? encodeCursor({ value: valueOf(last), id: last.id, dir: "after", start: start + rows.length }) : null,
    prev: start > 0 && first ? encodeCursor({ value: valueOf(first), id: first.id, dir: "before", start: Math.max(0, start - PAGE) }) : null,
  };
}

/** The Devices list's URL for a changed query, leaving out defaults; the cursor starts over unless named. */
export function deviceListHref(query: DeviceListQuery, change: Partial<DeviceListQuery>): string {
  const next = { ...query, cursor: "", ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.os) params.set("os", next.os);
  if (next.activity) params.set("activity", next.activity);
  if (next.user) params.set("user", next.user);
  if (next.sort !== "lastActivity") params.set("sort", next.sort);
  if (next.dir !== "desc") params.set("dir", next.dir);
  if (next.cursor) params.set("cursor", next.cursor);
  const qs = params.toString();
  return qs ? `/console/devices?${qs}` : "/console/devices";
}
