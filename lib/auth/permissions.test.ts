import { describe, expect, it } from "vitest";
import { builtInRoles, formatPermissions, parsePermissions, permissions } from "./permissions";
import { clientAddress } from "./client-address";

describe("permissions", () => {
  it("give administrators everything and users nothing", () => {
    expect(parsePermissions(formatPermissions(builtInRoles.admin.permissions))).toEqual(new Set(permissions));
    expect(parsePermissions(formatPermissions(builtInRoles.user.permissions)).size).toBe(0);
  });
  it("ignore names the code does not know", () => {
    expect(parsePermissions("users.read  root.everything users.delete")).toEqual(new Set(["users.read", "users.delete"]));
  });
});

describe("clientAddress", () => {
  const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});
  it("uses the address the server itself appended, ignoring what the client claims", () => {
    expect(clientAddress(h("6.6.6.6, 10.0.0.7"))).toBe("10.0.0.7");
    expect(clientAddress(h())).toBe("unknown");
  });
});
