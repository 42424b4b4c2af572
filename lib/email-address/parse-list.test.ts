import { describe, expect, it } from "vitest";
import { overLimitMessage } from "./limits";
import { cleanName, parseAddressCell, parseAddressList } from "./parse-list";
import { validateAddress } from "./validate";

describe("validateAddress", () => {
  it.each([
    ["jane@corp.com", "jane@corp.com"],
    ["Jane.Doe+tag@Corp.COM", "Jane.Doe+tag@corp.com"],
    ["o'brien@corp.ie", "o'brien@corp.ie"],
    ["user@sub.domain.example", "user@sub.domain.example"],
    ["josé@exämple.com", null],
    ["jose@exämple.com", "jose@xn--exmple-cua.com"],
    ["jose@例え.テスト", "jose@xn--r8jz45g.xn--zckzah"],
    [`${"a".repeat(64)}@corp.com`, `${"a".repeat(64)}@corp.com`],
  ])("accepts %s", (input, expected) => {
    const check = validateAddress(input);
    if (expected === null) expect(check.ok).toBe(false);
    else expect(check).toEqual({ ok: true, email: expected });
  });

  it.each([
    ["plainaddress", "no @"],
    ["a@b@corp.com", "More than one @"],
    ["@corp.com", "Nothing before"],
    ["jane@", "No domain"],
    ["jane@localhost", "needs a dot"],
    ["jane doe@corp.com", "Contains a space at position 5"],
    ["jane\u200B@corp.com", "Contains an invisible character (zero-width space, U+200B) at position 5"],
    ["ja\u00A0ne@corp.com", "Contains an invisible character (no-break space, U+00A0) at position 3"],
    ["jane@corp.com\u00AD", "Contains an invisible character (soft hyphen, U+00AD) at position 14"],
    ['"jane"@corp.com', "characters addresses cannot use"],
    [`${"a".repeat(65)}@corp.com`, "longer than 64"],
    [`a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(63)}.com`, "Longer than 254"],
    ["jane@-corp.com", "domain is not valid"],
    ["jane@corp..com", "domain is not valid"],
    ["jane@corp_x.com", "domain is not valid"],
    ["jane@[127.0.0.1]", "domain is not valid"],
  ])("refuses %s", (input, reason) => {
    const check = validateAddress(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(reason);
  });
});

describe("parseAddressList", () => {
  const emails = (text: string) => parseAddressList(text).addresses.map((a) => a.email);

  it("splits on new lines, commas, semicolons, spaces and tabs in any mix", () => {
    expect(emails("a@x.com\nb@x.com,c@x.com;d@x.com e@x.com\tf@x.com\r\ng@x.com")).toEqual(
      ["a", "b", "c", "d", "e", "f", "g"].map((l) => `${l}@x.com`),
    );
  });

  it("ignores empty entries and trailing separators", () => {
    expect(parseAddressList(" ,; a@x.com ;,\n\n\t b@x.com,;\n ")).toEqual({
      addresses: [{ email: "a@x.com", name: "" }, { email: "b@x.com", name: "" }],
      invalid: [],
      duplicates: 0,
    });
  });

  it("reads names as mail clients copy them", () => {
    expect(parseAddressList('Jane Doe <jane@corp.com>, "Doe, John" <john@corp.com>; Zoë Ünal <zoe@corp.com> "Quote \\"Q\\" Person" <q@corp.com>').addresses).toEqual([
      { email: "jane@corp.com", name: "Jane Doe" },
      { email: "john@corp.com", name: "Doe, John" },
      { email: "zoe@corp.com", name: "Zoë Ünal" },
      { email: "q@corp.com", name: 'Quote "Q" Person' },
    ]);
  });

  it("drops the typographic quotes names are pasted in, and keeps separators inside them", () => {
    const text = "“Jane Doe” <jane@x.com>, ‘Ann Lee’ <ann@x.com>; « Zoé Martin » <zoe@x.com>\n„Müller, Hans“ <hans@x.com>, “Doe, John” <john@x.com> ‘Mary O’Brien’ <mary@x.com>, 'Al Bo' <al@x.com>";
    expect(parseAddressList(text)).toEqual({
      addresses: [
        { email: "jane@x.com", name: "Jane Doe" },
        { email: "ann@x.com", name: "Ann Lee" },
        { email: "zoe@x.com", name: "Zoé Martin" },
        { email: "hans@x.com", name: "Müller, Hans" },
        { email: "john@x.com", name: "Doe, John" },
        { email: "mary@x.com", name: "Mary O’Brien" },
        { email: "al@x.com", name: "Al Bo" },
      ],
      invalid: [],
      duplicates: 0,
    });
    // A bare address in typographic quotes, and the CSV email column's reading of one cell.
    expect(parseAddressList("“bob@x.com”").addresses).toEqual([{ email: "bob@x.com", name: "" }]);
    expect(parseAddressCell("“Doe, Jane” <jane@corp.com>")).toEqual({ address: "jane@corp.com", name: "Doe, Jane" });
  });

  it("cleanName strips only wrapping quotes", () => {
    expect(cleanName("  “Jane   Doe”  ")).toBe("Jane Doe");
    expect(cleanName("«“Nested”»")).toBe("Nested");
    expect(cleanName("O’Brien")).toBe("O’Brien");
    expect(cleanName("Jane “JD” Doe")).toBe("Jane “JD” Doe");
  });

  it("takes bare addresses next to named ones and strips mailto: and stray brackets", () => {
    expect(parseAddressList("a@x.com Jane <jane@x.com> mailto:b@x.com MAILTO:c@x.com <d@x.com> (e@x.com)").addresses).toEqual([
      { email: "a@x.com", name: "" },
      { email: "jane@x.com", name: "Jane" },
      { email: "b@x.com", name: "" },
      { email: "c@x.com", name: "" },
      { email: "d@x.com", name: "" },
      { email: "e@x.com", name: "" },
    ]);
  });

  it("collapses duplicates case-insensitively, keeping the first and a name given later", () => {
    const list = parseAddressList("jane@corp.com, JANE@CORP.COM\nJane Doe <Jane@Corp.com>");
    expect(list.addresses).toEqual([{ email: "jane@corp.com", name: "Jane Doe" }]);
    expect(list.duplicates).toBe(2);
  });

  it("lists what is not an address, with the reason, and never adds it", () => {
    const list = parseAddressList("good@corp.com, not-an-address, bad@@corp.com, Jane <jane@nodot>, x@corp.com");
    expect(list.addresses.map((a) => a.email)).toEqual(["good@corp.com", "x@corp.com"]);
    expect(list.invalid).toEqual([
      { input: "not-an-address", reason: "Not an email address (no @)" },
      { input: "bad@@corp.com", reason: "More than one @" },
      { input: "Jane <jane@nodot>", reason: "The domain needs a dot (like example.com)" },
    ]);
  });

  it("converts internationalised domains to punycode and refuses non-ASCII mailbox names", () => {
    const list = parseAddressList("anna@bücher.de, бухгалтер@почта.рф");
    expect(list.addresses).toEqual([{ email: "anna@xn--bcher-kva.de", name: "" }]);
    expect(list.invalid).toHaveLength(1);
  });

  it("keeps a stray quote from swallowing the following lines", () => {
    const list = parseAddressList('"broken <a@x.com\nb@x.com\nc@x.com');
    expect(list.addresses.map((a) => a.email)).toEqual(["a@x.com", "b@x.com", "c@x.com"]);
    expect(list.invalid).toEqual([{ input: '"broken', reason: "Not an email address (no @)" }]);
  });

  it("reads 3,000+ pasted entries, each once", () => {
    const text = Array.from({ length: 3500 }, (_, i) => (i % 7 === 0 ? `User ${i} <user${i}@corp.example>` : `user${i}@corp.example`)).join(i18nSeparator());
    const list = parseAddressList(`${text}\nuser0@CORP.example`);
    expect(list.addresses).toHaveLength(3500);
    expect(list.duplicates).toBe(1);
    expect(list.addresses[7]).toEqual({ email: "user7@corp.example", name: "User 7" });
  });
});

// Mixed separators, as a paste from several sources would have.
function i18nSeparator() {
  return ";\n";
}

describe("overLimitMessage", () => {
  it("names the limit and how many are over, and says nothing within it", () => {
    expect(overLimitMessage(999, 999)).toBeNull();
    expect(overLimitMessage(1200, 999)).toBe("You entered 1,200 addresses; at most 999 can be added at a time. Remove 201 or add them in another run.");
  });
});

describe("parseAddressCell", () => {
  it.each([
    ["jane@corp.com", { address: "jane@corp.com", name: "" }],
    ["  mailto:jane@corp.com ", { address: "jane@corp.com", name: "" }],
    ["Jane Doe <jane@corp.com>", { address: "jane@corp.com", name: "Jane Doe" }],
    ['"Doe, Jane" <mailto:jane@corp.com>', { address: "jane@corp.com", name: "Doe, Jane" }],
    ["<jane@corp.com>", { address: "jane@corp.com", name: "" }],
    // Not one address: returned as written, for the validator to say what is wrong.
    ["jane doe@corp.com", { address: "jane doe@corp.com", name: "" }],
    ["a@corp.com b@corp.com", { address: "a@corp.com b@corp.com", name: "" }],
  ])("reads %j", (cell, expected) => {
    expect(parseAddressCell(cell)).toEqual(expected);
  });
});
