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
    const cmp = (c: unknown, x: number | string | null): boolean => {
      if (c === null) return x === null;
      if (typeof c !== "object") return x === c;
      const o = c as Record<string, number | string | null>;
      if ("not" in o && o.not === null && x === null) return false;
      if (x === null) return !("gt" in o || "gte" in o || "lt" in o || "lte" in o);
      return (o.gt === undefined || x > o.gt!) && (o.gte === undefined || x >= o.gte!) && (o.lt === undefined || x < o.lt!) && (o.lte === undefined || x <= o.lte!);
    };
    const test = (w: Record<string, unknown>, r: Row): boolean =>
      Object.entries(w).every(([k, c]) =>
        k === "AND" ? (c as Record<string, unknown>[]).every((x) => test(x, r)) : k === "OR" ? (c as Record<string, unknown>[]).some((x) => test(x, r)) : cmp(c, r[k as keyof Row]),
      );
    let out = rows.filter((r) => test(where, r));
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
