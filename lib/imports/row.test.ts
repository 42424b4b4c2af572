import { describe, expect, it } from "vitest";
import { checkRow, EXAMPLE_ROW_MESSAGE, splitGroups, type ImportRoles, type ImportValues } from "./row";

const roles: ImportRoles = new Map([
  ["administrator", { name: "Administrator", key: "admin", grantable: true }],
  ["user", { name: "User", key: "user", grantable: true }],
]);
const row = (values: Partial<ImportValues>): ImportValues => ({ email: "", name: "", phone: "", groups: "", role: "", exchangeDomain: "", exchangeUsername: "", ...values });

describe("checkRow, with spreadsheets as people write them", () => {
  it("takes Name <address> and mailto: in the email column, the name filling an empty name cell", () => {
    expect(checkRow(row({ email: "Jane Doe <Jane@Corp.com>" }), roles)).toMatchObject({ email: "Jane@corp.com", issues: [], values: { email: "Jane@Corp.com", name: "Jane Doe" } });
    expect(checkRow(row({ email: "mailto:bob@corp.com", name: "Bob Stone" }), roles)).toMatchObject({ email: "bob@corp.com", issues: [], values: { name: "Bob Stone" } });
    // The name cell wins over the address's display name.
    expect(checkRow(row({ email: "J. Doe <jane@corp.com>", name: "Jane Doe" }), roles).values.name).toBe("Jane Doe");
  });

  it("says which invisible character breaks an address, and where", () => {
    expect(checkRow(row({ email: "jane\u200b@corp.com" }), roles).issues).toEqual([
      { field: "email", message: "Invalid email: Contains an invisible character (zero-width space, U+200B) at position 5" },
    ]);
  });

  it("maps common role synonyms to the built-in roles and names the valid roles for an unknown one", () => {
    expect(checkRow(row({ email: "a@corp.com", role: "admin" }), roles)).toMatchObject({ issues: [], values: { role: "Administrator" } });
    expect(checkRow(row({ email: "a@corp.com", role: "Employee" }), roles)).toMatchObject({ issues: [], values: { role: "User" } });
    expect(checkRow(row({ email: "a@corp.com", role: "ADMINISTRATOR" }), roles).values.role).toBe("Administrator");
    expect(checkRow(row({ email: "a@corp.com", role: "Overlord" }), roles).issues).toEqual([{ field: "role", message: 'Unknown role "Overlord": use Administrator or User' }]);
    const more: ImportRoles = new Map([...roles, ["auditor", { name: "Auditor", key: null, grantable: true }]]);
    expect(checkRow(row({ email: "a@corp.com", role: "boss" }), more).issues[0].message).toBe('Unknown role "boss": use one of Administrator, Auditor or User');
  });

  it("recognises the template's example row left in the file and leaves it out, saying why", () => {
    expect(checkRow(row({ email: "jane.doe@example.com", name: "Jane Doe" }), roles).issues).toEqual([{ field: "email", message: EXAMPLE_ROW_MESSAGE }]);
    expect(checkRow(row({ email: "JANE.DOE@EXAMPLE.COM" }), roles).issues.map((i) => i.message)).toEqual([EXAMPLE_ROW_MESSAGE]);
  });
});

describe("splitGroups", () => {
  it("splits on semicolons, commas and line breaks, dropping blanks and repeats", () => {
    expect(splitGroups("Sales, Marketing")).toEqual(["Sales", "Marketing"]);
    expect(splitGroups("Sales;Marketing ;; sales\nSupport\r\nIT,")).toEqual(["Sales", "Marketing", "Support", "IT"]);
    expect(splitGroups("")).toEqual([]);
  });
});
