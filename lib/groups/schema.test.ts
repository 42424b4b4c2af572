import { describe, expect, it } from "vitest";
import { bulkMembershipSchema } from "./bulk-membership";
import { createGroupSchema, groupListHref, groupListQuerySchema, normalizeGroupName } from "./schema";

describe("group schemas", () => {
  it("tidies a name and compares names ignoring case and spacing", () => {
    expect(createGroupSchema.parse({ name: "  Field   Sales " }).name).toBe("Field Sales");
    expect(normalizeGroupName(" FIELD  sales")).toBe("field sales");
    expect(createGroupSchema.safeParse({ name: "   " }).error?.issues[0]?.message).toBe("Enter a name for the group");
    expect(createGroupSchema.safeParse({ name: "x".repeat(101) }).success).toBe(false);
  });

  it("reads the Groups list's URL leniently and writes only what differs from the default", () => {
    const query = groupListQuerySchema.parse({ sort: "bogus", dir: "desc", q: " ops " });
    expect(query).toEqual({ q: "ops", sort: "name", dir: "desc", cursor: "" });
    expect(groupListHref(query, {})).toBe("/console/groups?q=ops&dir=desc");
    expect(groupListHref(query, { q: "", dir: "asc" })).toBe("/console/groups");
  });

  it("takes either ticked ids or the list's filters as a bulk selection, never both shapes mixed up", () => {
    expect(bulkMembershipSchema.parse({ op: "add", groupIds: ["g"], selection: { userIds: ["u1"] } }).selection).toEqual({ userIds: ["u1"] });
    expect(bulkMembershipSchema.parse({ op: "remove", groupIds: ["g"], selection: { matching: { q: "son", role: "r" } } }).selection).toEqual({ matching: { q: "son", role: "r" } });
    expect(bulkMembershipSchema.safeParse({ op: "add", groupIds: ["g"], selection: { userIds: [] } }).success).toBe(false);
    expect(bulkMembershipSchema.safeParse({ op: "add", groupIds: ["g"], selection: { userIds: Array.from({ length: 501 }, (_, i) => `u${i}`) } }).success).toBe(false);
    expect(bulkMembershipSchema.safeParse({ op: "add", groupIds: [], selection: { matching: {} } }).success).toBe(false);
  });
});
