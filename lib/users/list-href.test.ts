import { describe, expect, it } from "vitest";
import { userListHref } from "./list-href";
import { userListQuerySchema } from "./schema";

const query = (params: Record<string, string>) => userListQuerySchema.parse(params);

describe("userListHref", () => {
  it("leaves defaults out", () => {
    expect(userListHref(query({}), {})).toBe("/console/users");
  });
  it("keeps the order and page size, applies a filter change and starts the paging over", () => {
    const q = query({ sort: "email", dir: "desc", size: "25", cursor: "abc", role: "r1" });
    expect(userListHref(q, { devices: "no", q: "jane doe" })).toBe("/console/users?q=jane+doe&sort=email&dir=desc&role=r1&devices=no&size=25");
    expect(userListHref(q, { role: "" })).toBe("/console/users?sort=email&dir=desc&size=25");
  });
  it("takes another path with the same query", () => {
    expect(userListHref(query({ instructions: "never" }), {}, "/api/users/export")).toBe("/api/users/export?instructions=never");
  });
});
