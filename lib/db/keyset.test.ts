import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, fetchKeysetPage, type SegmentQuery } from "./keyset";

describe("keyset cursors", () => {
  it("round-trip strings, numbers, nulls and dates", () => {
    for (const value of ["zoë", 42, null, new Date("2026-01-02T03:04:05.678Z")]) {
      const cursor = decodeCursor(encodeCursor({ value, id: "c1", dir: "after", start: 50 }));
      expect(cursor).toEqual({ value, id: "c1", dir: "after", start: 50 });
    }
  });

  it("read anything malformed as no cursor", () => {
    for (const raw of ["", "not base64 json", Buffer.from("[]").toString("base64url"), Buffer.from(JSON.stringify({ value: 1, id: 2, dir: "after", start: 0 })).toString("base64url"), Buffer.from(JSON.stringify({ value: 1, id: "x", dir: "sideways", start: 0 })).toString("base64url"), Buffer.from(JSON.stringify({ value: { d: "not a date" }, id: "x", dir: "after", start: 0 })).toString("base64url"), Buffer.from(JSON.stringify({ value: 1, id: "x", dir: "after", start: -5 })).toString("base64url")]) {
      expect(decodeCursor(raw)).toBeNull();
    }
  });
});

describe("fetchKeysetPage", () => {
  // An in-memory table that answers the segment queries the way a database would.
  type Row = { id: string; v: number | null };
  const rows: Row[] = [
    { id: "a", v: 2 }, { id: "b", v: null }, { id: "c", v: 1 }, { id: "d", v: 2 }, { id: "e", v: null }, { id: "f", v: 3 },
  ];
  function run(q: SegmentQuery): Promise<Row[]> {
    const where = q.where as Record<string, unknown>;
    const [order, tie] = q.orderBy.length === 2 ? q.orderBy : [undefined, q.orderBy[0]];
    const dir = Object.values(tie)[0];
    let out = rows.filter((r) => {
      if (where.v === null && r.v !== null) return false;
      if ((where.v as { not?: null })?.not === null && r.v === null) return false;
      const id = where.id as { gt?: string; lt?: string } | undefined;
      if (id?.gt && !(r.id > id.gt)) return false;
      if (id?.lt && !(r.id < id.lt)) return false;
      const and = where.AND as [{ v: Record<string, number> }, { OR: [{ v: Record<string, number> }, { id: Record<string, string> }] }] | undefined;
      if (and && r.v !== null) {
        const [range, { OR: [strict, byId] }] = and;
        const ok = (c: Record<string, number>, x: number) => (c.gte !== undefined ? x >= c.gte : c.lte !== undefined ? x <= c.lte : c.gt !== undefined ? x > c.gt : x < c.lt);
        if (!ok(range.v, r.v)) return false;
        const idOk = byId.id.gt !== undefined ? r.id > byId.id.gt : r.id < byId.id.lt;
        if (!ok(strict.v, r.v) && !(r.v === Object.values(range.v)[0] && idOk)) return false;
      }
      return true;
    });
    out = out.sort((x, y) => {
      const byV = order ? ((x.v as number) - (y.v as number)) * (order.v === "asc" ? 1 : -1) : 0;
      return byV || (x.id < y.id ? -1 : 1) * (dir === "asc" ? 1 : -1);
    });
    return Promise.resolve(out.slice(0, q.take));
  }
  const page = (dir: "asc" | "desc", take: number, cursor?: Row, backward = false) =>
    fetchKeysetPage<Row>({ field: "v", nullable: true, dir, take, cursor: cursor && { value: cursor.v, id: cursor.id }, backward, fetch: run, valueOf: (r) => r.v, idOf: (r) => r.id }).then((r) => r.map((x) => x.id));

  it("orders nulls first ascending and last descending, across page boundaries", async () => {
    expect(await page("asc", 10)).toEqual(["b", "e", "c", "a", "d", "f"]);
    expect(await page("desc", 10)).toEqual(["f", "d", "a", "c", "e", "b"]);
    expect(await page("asc", 3, rows[4])).toEqual(["c", "a", "d"]);
    expect(await page("asc", 2, rows[0])).toEqual(["d", "f"]);
    expect(await page("desc", 3, rows[2])).toEqual(["e", "b"]);
  });

  it("walks backward to the same pages", async () => {
    expect(await page("asc", 2, rows[0], true)).toEqual(["e", "c"]);
    expect(await page("asc", 3, undefined, true)).toEqual(["a", "d", "f"]);
  });
});
