import { describe, expect, it } from "vitest";
import { builtInRoles, formatPermissions, parsePermissions, permissions } from "./permissions";

describe("permissions", () => {
  it("give administrators everything and users nothing", () => {
    expect(parsePermissions(formatPermissions(builtInRoles.admin.permissions))).toEqual(new Set(permissions));
    expect(parsePermissions(formatPermissions(builtInRoles.user.permissions)).size).toBe(0);
  });
  it("ignore names the code does not know", () => {
    expect(parsePermissions("users.read  root.everything users.delete")).toEqual(new Set(["users.read", "users.delete"]));
  });
});
