import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, mapHeader, type ColumnKey } from "./columns";

describe("mapHeader", () => {
  it.each<[string, ColumnKey]>([
    ["email", "email"],
    ["Email", "email"],
    ["  EMAIL  ", "email"],
    ["E-mail", "email"],
    ["e_mail", "email"],
    ["Email address", "email"],
    ["email_address", "email"],
    ["EmailAddress", "email"],
    ["E-Mail Address", "email"],
    ["Mail", "email"],
    ["name", "name"],
    ["Name", "name"],
    ["Full name", "name"],
    ["full_name", "name"],
    ["Display name", "name"],
    ["DisplayName", "name"],
    ["phone", "phone"],
    ["Phone number", "phone"],
    ["phone-number", "phone"],
    ["Mobile", "phone"],
    ["Telephone", "phone"],
    ["group", "group"],
    ["Group", "group"],
    ["Department", "group"],
    ["role", "role"],
    ["ROLE", "role"],
    ["exchange domain", "exchangeDomain"],
    ["Exchange Domain", "exchangeDomain"],
    ["exchange_domain", "exchangeDomain"],
    ["ExchangeDomain", "exchangeDomain"],
    ["exchange username", "exchangeUsername"],
    ["Exchange user", "exchangeUsername"],
    ["exchange-user-name", "exchangeUsername"],
  ])("reads %j as %s", (header, key) => {
    expect(mapHeader(["x", header]).columns).toEqual({ [key]: 1 });
  });

  it("maps a whole header to column indexes", () => {
    expect(mapHeader(["Display name", "E-mail", "Department", "Mobile", "Role", "Exchange domain", "Exchange user"])).toEqual({
      columns: { name: 0, email: 1, group: 2, phone: 3, role: 4, exchangeDomain: 5, exchangeUsername: 6 },
      unknown: [],
      duplicates: [],
      missingEmail: false,
    });
  });

  it("reads the template's own header", () => {
    const map = mapHeader(IMPORT_COLUMNS.map((c) => c.header));
    expect(Object.keys(map.columns)).toHaveLength(IMPORT_COLUMNS.length);
    expect(map).toMatchObject({ unknown: [], duplicates: [], missingEmail: false });
  });

  it("lists unknown columns as written, trimmed, and ignores blank ones", () => {
    expect(mapHeader(["email", " Cost centre ", "", "  ", "Manager", "emails"])).toEqual({
      columns: { email: 0 },
      unknown: ["Cost centre", "Manager", "emails"],
      duplicates: [],
      missingEmail: false,
    });
  });

  it("reads the first of two columns naming the same thing and lists the others", () => {
    expect(mapHeader(["Email", "Name", "E-mail", "Full name"])).toEqual({
      columns: { email: 0, name: 1 },
      unknown: [],
      duplicates: ["E-mail", "Full name"],
      missingEmail: false,
    });
  });

  it.each([[["name", "phone"]], [["Emial", "Name"]], [[]]])("flags a missing email column in %j", (header) => {
    expect(mapHeader(header).missingEmail).toBe(true);
  });

  it("describes every column", () => {
    for (const column of IMPORT_COLUMNS) expect(column.description).not.toBe("");
  });
});

describe("first and last name columns", () => {
  it("are recognised under the names Outlook, Excel, HR systems and directories use, and make the name", async () => {
    const { nameOf } = await import("./inspect");
    for (const [first, last] of [["First Name", "Last Name"], ["Given name", "Surname"], ["givenName", "sn"], ["Vorname", "Nachname"], ["Prénom", "Nom"]]) {
      const map = mapHeader(["E-mail", first, last]);
      expect(map.unknown, `${first}/${last}`).toEqual([]);
      expect(nameOf(["jane@corp.com", " Jane ", "Doe"], map.columns)).toBe("Jane Doe");
      expect(nameOf(["jane@corp.com", "", "Doe"], map.columns)).toBe("Doe");
    }
    // A name column of its own wins; where it is empty, the parts fill in.
    const both = mapHeader(["email", "name", "first name", "last name"]);
    expect(nameOf(["a@corp.com", "Janie D.", "Jane", "Doe"], both.columns)).toBe("Janie D.");
    expect(nameOf(["a@corp.com", "", "Jane", "Doe"], both.columns)).toBe("Jane Doe");
  });
});
