/**
 * Keyset ("seek") pagination over one sort column plus the id as tie-breaker,
 * so a late page costs what the first page costs. A nullable column is read
 * as two segments (the null rows, ordered by id, and the others) so each
 * query stays a plain index range on both SQLite and PostgreSQL, whatever
 * order each engine gives NULLs. Nulls count as the smallest values.
 */

export type SortValue = string | number | Date | null;
export type Direction = "asc" | "desc";
export type KeysetCursor = { value: SortValue; id: string };

type Where = Record<string, unknown>;
type OrderBy = Record<string, Direction>[];

export type SegmentQuery = { where: Where; orderBy: OrderBy; take: number };

export type KeysetOptions<Row> = {
  field: string;
  nullable: boolean;
  /** For an enum column: its values in the order the database sorts them. */
  values?: readonly string[];
  dir: Direction;
  take: number;
  /** Start strictly after (forward) or before (backward) this row; none = from the start or the end. */
  cursor?: KeysetCursor;
  backward?: boolean;
  fetch: (query: SegmentQuery) => Promise<Row[]>;
  valueOf: (row: Row) => SortValue;
  idOf: (row: Row) => string;
};

type Segment = "null" | "ties" | "value";

/** Fetches one page in display order. */
export async function fetchKeysetPage<Row>(opts: KeysetOptions<Row>): Promise<Row[]> {
  // Moving backward is moving forward through the reversed order.
  const dir: Direction = opts.backward ? flip(opts.dir) : opts.dir;
  let segments: Segment[] = !opts.nullable ? ["value"] : dir === "asc" ? ["null", "value"] : ["value", "null"];
  if (opts.cursor) {
    const at: Segment = opts.cursor.value === null ? "null" : "value";
    segments = segments.slice(segments.indexOf(at));
    // The rows sharing the cursor's value come first, read by id alone: a tie
    // group can be most of the table (deviceCount 0, one 2FA state).
    if (at === "value") segments.unshift("ties");
  }
  const rows: Row[] = [];
  for (const [i, segment] of segments.entries()) {
    const cursor = i === 0 || segments[i - 1] === "ties" ? opts.cursor : undefined;
    const part = await opts.fetch(segmentQuery(opts, segment, dir, opts.take - rows.length, cursor));
    rows.push(...part);
    if (rows.length >= opts.take) break;
  }
  return opts.backward ? rows.reverse() : rows;
}

function segmentQuery(
  opts: { field: string; nullable: boolean; values?: readonly string[] },
  segment: Segment,
  dir: Direction,
  take: number,
  cursor: KeysetCursor | undefined,
): SegmentQuery {
  const { field, nullable } = opts;
  const cmp = dir === "asc" ? "gt" : "lt";
  if (segment === "null") {
    return {
      where: { [field]: null, ...(cursor ? { id: { [cmp]: cursor.id } } : {}) },
      orderBy: [{ id: dir }],
      take,
    };
  }
  if (segment === "ties") {
    return { where: { [field]: cursor!.value, id: { [cmp]: cursor!.id } }, orderBy: [{ id: dir }], take };
  }
  // After the ties, a strict range: both are plain index ranges (an OR on the id would not be).
  const where: Where = cursor && cursor.value !== null ? { [field]: compare(cmp, cursor.value, opts.values) } : nullable ? { [field]: { not: null } } : {};
  return { where, orderBy: [{ [field]: dir }, { id: dir }], take };
}

// A range filter, or for enums (which Prisma cannot compare) the list of values in that range.
function compare(op: "gt" | "lt" | "gte" | "lte", value: SortValue, values?: readonly string[]) {
  if (!values) return { [op]: value };
  const at = values.indexOf(String(value));
  const inRange = values.filter((_, i) => (op === "gt" ? i > at : op === "gte" ? i >= at : op === "lt" ? i < at : i <= at));
  return { in: inRange };
}

function flip(dir: Direction): Direction {
  return dir === "asc" ? "desc" : "asc";
}

/** Cursors travel in URLs as base64url JSON; dates keep their type. */
export function encodeCursor(c: { value: SortValue; id: string; dir: "after" | "before" | "last"; start: number }): string {
  const value = c.value instanceof Date ? { d: c.value.toISOString() } : c.value;
  return Buffer.from(JSON.stringify({ ...c, value })).toString("base64url");
}

/** Reads a cursor from a URL; anything malformed reads as "no cursor". */
export function decodeCursor(raw: string):
  | { value: SortValue; id: string; dir: "after" | "before" | "last"; start: number }
  | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!parsed || typeof parsed !== "object") return null;
    const p = parsed as Record<string, unknown>;
    if (p.dir !== "after" && p.dir !== "before" && p.dir !== "last") return null;
    if (typeof p.id !== "string" || typeof p.start !== "number" || !Number.isInteger(p.start) || p.start < 0) return null;
    let value: SortValue;
    if (p.value === null || typeof p.value === "string" || typeof p.value === "number") value = p.value;
    else if (p.value && typeof p.value === "object" && typeof (p.value as { d?: unknown }).d === "string") {
      value = new Date((p.value as { d: string }).d);
      if (Number.isNaN(value.getTime())) return null;
    } else return null;
    return { value, id: p.id, dir: p.dir, start: p.start };
  } catch {
    return null;
  }
}
