import { describe, expect, it } from "vitest";
import { parseAddressList } from "@/lib/email-address/parse-list";
import { addressKey, checkRowsFor, upgradeSavedRows, withEmail, type CheckRow } from "./check-data";

const parse = (text: string) => parseAddressList(text).addresses;

describe("Check data rows", () => {
  it("start from the paste, with IDN domains shown in Unicode and the alias from the mailbox", () => {
    const rows = checkRowsFor(parse("Jane Doe <jane@corp.example>, jose@exämple.com"), [], new Set());
    expect(rows).toEqual([
      { key: 0, source: "jane@corp.example", email: "jane@corp.example", alias: "jane", name: "Jane Doe", parsedName: "Jane Doe" },
      { key: 1, source: "jose@xn--exmple-cua.com", email: "jose@exämple.com", alias: "jose", name: "", parsedName: "" },
    ]);
  });

  it("keep the admin's edits when the same list comes back, for the rows still in it", () => {
    const first = checkRowsFor(parse("ann@x.com, bob@x.com, cy@x.com"), [], new Set());
    const edited: CheckRow[] = [
      { ...withEmail(first[0], "anna@x.com"), name: "Anna" },
      { ...first[1], alias: "bobby" },
      first[2],
    ];
    // Back, cy@ dropped from the list and dee@ added, forward again.
    const again = checkRowsFor(parse("ann@x.com, bob@x.com, dee@x.com"), edited, new Set());
    expect(again.map((r) => [r.email, r.alias, r.name])).toEqual([
      ["anna@x.com", "anna", "Anna"],
      ["bob@x.com", "bobby", ""],
      ["dee@x.com", "dee", ""],
    ]);
    // Keys stay unique, the new row gets a fresh one.
    expect(new Set(again.map((r) => r.key)).size).toBe(3);
    expect(again[2].key).toBe(3);
  });

  it("let an untouched name follow the paste, and keep an edited one", () => {
    const first = checkRowsFor(parse("Ann <ann@x.com>, Bob <bob@x.com>"), [], new Set());
    const edited = [first[0], { ...first[1], name: "Robert" }];
    const again = checkRowsFor(parse("Ann Lee <ann@x.com>, Bobby <bob@x.com>"), edited, new Set());
    expect(again.map((r) => r.name)).toEqual(["Ann Lee", "Robert"]);
  });

  it("leave removed rows out", () => {
    const again = checkRowsFor(parse("ann@x.com, bob@x.com"), [], new Set(["bob@x.com"]));
    expect(again.map((r) => r.email)).toEqual(["ann@x.com"]);
  });
});

describe("editing an email", () => {
  const row: CheckRow = { key: 0, source: "jane@x.com", email: "jane@x.com", alias: "jane", name: "", parsedName: "" };
  it("moves a default alias along", () => {
    expect(withEmail(row, "jane.doe@x.com").alias).toBe("jane.doe");
  });
  it("moves it along keystroke by keystroke, through text that is no address yet", () => {
    let r = row;
    for (const text of ["", "b", "bo", "bob", "bob@", "bob@y.com"]) r = withEmail(r, text);
    expect(r).toMatchObject({ email: "bob@y.com", alias: "bob" });
  });
  it("keeps an alias the admin chose", () => {
    expect(withEmail({ ...row, alias: "jd" }, "jane.doe@x.com").alias).toBe("jd");
  });
});

describe("addressKey", () => {
  it("compares addresses as stored, whatever form the domain is typed in", () => {
    expect(addressKey(" Jose@Exämple.com ")).toBe("jose@xn--exmple-cua.com");
    expect(addressKey("jose@xn--exmple-cua.com")).toBe("jose@xn--exmple-cua.com");
    expect(addressKey("not an address")).toBe("not an address");
  });
});

describe("rows saved by the previous wizard", () => {
  it("get a source and a parsed name", () => {
    expect(upgradeSavedRows([{ key: 4, email: "ann@x.com", alias: "a", name: "Ann" }])).toEqual([
      { key: 4, source: "ann@x.com", email: "ann@x.com", alias: "a", name: "Ann", parsedName: "Ann" },
    ]);
  });
});
