import { describe, expect, it } from "vitest";
import { pageLinks, pageParam } from "@/components/page-param";

describe("offset paging links", () => {
  it("adds the page to a plain path or to one that has a query already", () => {
    expect(pageLinks("/console/audit", 2, 3)).toEqual({ first: "/console/audit", prev: "/console/audit", next: "/console/audit?page=3", last: "/console/audit?page=3" });
    expect(pageLinks("/console/users/import/x?show=create", 1, 4)).toMatchObject({
      prev: null,
      next: "/console/users/import/x?show=create&page=2",
      last: "/console/users/import/x?show=create&page=4",
    });
  });

  it("reads only whole positive page numbers", () => {
    expect([pageParam("3"), pageParam(["2", "9"]), pageParam("0"), pageParam("-1"), pageParam("1.5"), pageParam("x"), pageParam(undefined)]).toEqual([3, 2, 1, 1, 1, 1, 1]);
  });
});
