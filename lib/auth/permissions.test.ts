import { describe, expect, it } from "vitest";
import { access, allows, builtInRoles, formatPermissions, isAdminRole, parsePermissions, permissions, rolePermissions } from "./permissions";

describe("permissions", () => {
  it("give administrators everything and users nothing", () => {
    expect(parsePermissions(formatPermissions(builtInRoles.admin.permissions))).toEqual(new Set(permissions));
    expect(parsePermissions(formatPermissions(builtInRoles.user.permissions)).size).toBe(0);
  });
  it("ignore names the code does not know", () => {
    expect(parsePermissions("users.read  root.everything users.delete")).toEqual(new Set(["users.read", "users.delete"]));
  });
});

describe("role permissions", () => {
  it("come from the code for built-in roles, whatever their row says, and from the row for custom roles", () => {
    expect(rolePermissions({ key: "admin", permissions: "" })).toEqual(new Set(permissions));
    expect(rolePermissions({ key: "admin", permissions: "users.read" }).has("admins.manage")).toBe(true);
    expect(rolePermissions({ key: "user", permissions: "users.read users.write" }).size).toBe(0);
    expect(rolePermissions({ key: null, permissions: "users.read admins.manage" })).toEqual(new Set(["users.read", "admins.manage"]));
    expect(isAdminRole({ key: null, permissions: "admins.manage" })).toBe(true);
    expect(isAdminRole({ key: null, permissions: "users.read users.write" })).toBe(false);
  });
  it("own-account actions need only a console session; every other console entry names a known permission", () => {
    expect(allows(new Set(), "changePasswordAction")).toBe(true);
    expect(allows(new Set(), "page /console")).toBe(true);
    expect(allows(new Set(["users.write"]), "updateUserAction")).toBe(true);
    expect(allows(new Set(["users.read"]), "updateUserAction")).toBe(false);
    for (const needed of Object.values(access)) {
      expect(["public", "signedIn", "machine", "restricted", ...permissions]).toContain(needed);
    }
  });
});
