import { describe, expect, it } from "vitest";
import { safeReturnTo, signInFor } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps the console's own pages with their query", () => {
    expect(safeReturnTo("/console/devices")).toBe("/console/devices");
    expect(safeReturnTo("/console/users?q=ann&sort=email")).toBe("/console/users?q=ann&sort=email");
    expect(safeReturnTo("/console")).toBe("/console");
  });
  it("refuses anything that could leave the console", () => {
    for (const bad of ["https://evil.example/console", "//evil.example/console", "/\\evil.example", "/console\\..\\x", "/consolex", "/sign-in", "javascript:alert(1)", "", null, 42, `/console/${"a".repeat(1000)}`, "/console/%0d%0aSet-Cookie:x"]) {
      const kept = safeReturnTo(bad);
      if (kept !== null) expect(kept.startsWith("/console")).toBe(true);
      else expect(kept).toBeNull();
    }
    expect(safeReturnTo("https://evil.example/console")).toBeNull();
    expect(safeReturnTo("//evil.example/console")).toBeNull();
    expect(safeReturnTo("/consolex")).toBeNull();
  });
  it("makes the sign-in address carry the page, but not the default one", () => {
    expect(signInFor("/console/devices")).toBe("/sign-in?next=%2Fconsole%2Fdevices");
    expect(signInFor("/console/users")).toBe("/sign-in");
    expect(signInFor("https://evil.example")).toBe("/sign-in");
    expect(signInFor("/console/devices", "idle")).toBe("/sign-in?next=%2Fconsole%2Fdevices&reason=idle");
    expect(signInFor("/console/users", "idle")).toBe("/sign-in?reason=idle");
  });
});
