import { describe, expect, it } from "vitest";
import { inspectCsv, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, TOO_LARGE_MESSAGE } from "./inspect";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("inspectCsv", () => {
  it("reads a file's encoding, delimiter, columns and rows", () => {
    const result = inspectCsv(utf8("\uFEFFE-Mail;Full name;Notes;email\r\njane@corp.com;Jane Doe;x;y\r\n"));
    expect(result).toEqual({
      ok: true,
      csv: {
        header: ["E-Mail", "Full name", "Notes", "email"],
        rows: [["jane@corp.com", "Jane Doe", "x", "y"]],
        rowNumbers: [2],
        delimiter: ";",
        errors: [],
        encoding: "utf-8",
        columns: { columns: { email: 0, name: 1 }, unknown: ["Notes"], duplicates: ["email"], missingEmail: false },
      },
    });
  });

  it("tells parsing progress up to 1 without changing the result", () => {
    const bytes = utf8(["email,name", ...Array.from({ length: 2000 }, (_, i) => `u${i}@corp.com,User ${i}`)].join("\n"));
    const seen: number[] = [];
    const withProgress = inspectCsv(bytes, undefined, { onProgress: (done) => seen.push(done) });
    expect(withProgress).toEqual(inspectCsv(bytes));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
  });

  it.each([
    ["an empty file", new Uint8Array(), /The file is empty/],
    ["blank lines only", utf8("\r\n \r\n"), /The file is empty/],
    ["a header without users", utf8("email,name\r\n"), /header row but no users/],
    ["no email column", utf8("name;phone\r\nJane;1\r\n"), /no email column.*first row is: name, phone/],
    ["an Excel workbook", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel workbook/],
    ["an old Excel workbook", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /old Excel/],
    ["a PDF", utf8("%PDF-1.7\n"), /PDF/],
    ["a binary file", Uint8Array.from([0x01, 0x00, 0x02, 0x00, 0x03, 0x03, 0x00, 0x00, 0x05]), /not a text file/],
  ])("refuses %s", (_, bytes, message) => {
    const result = inspectCsv(bytes);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toMatch(message);
  });

  it("names at most eight header cells of a file without an email column, each shortened to 40 characters", () => {
    const long = "x".repeat(100);
    const result = inspectCsv(utf8(`${long},b,c,d,e,f,g,h,i,j\r\n1,2\r\n`));
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(`first row is: ${"x".repeat(40)}…, b, c, d, e, f, g, h.`) });
  });

  it("hands back a file whose only fault is its columns, so they can be chosen, and reads it with the choices", () => {
    const bytes = utf8("Work mail,Person,Team\nann@x.example,Ann,Sales\n");
    const refused = inspectCsv(bytes);
    expect(refused).toMatchObject({ ok: false, header: ["Work mail", "Person", "Team"], csv: { rows: [["ann@x.example", "Ann", "Sales"]] } });
    const chosen = inspectCsv(bytes, undefined, { columns: { workmail: "email", person: "name", team: "ignore" } });
    expect(chosen.ok && chosen.csv.columns).toMatchObject({ columns: { email: 0, name: 1 }, unknown: ["Team"], missingEmail: false });
    // A choice of "not imported" wins over a recognised header.
    const ignored = inspectCsv(utf8("email,phone\na@x.example,1\n"), undefined, { columns: { phone: "ignore" } });
    expect(ignored.ok && ignored.csv.columns).toMatchObject({ columns: { email: 0 }, unknown: ["phone"] });
  });

  it("refuses a file over the byte limit before reading it", () => {
    expect(inspectCsv(new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, error: TOO_LARGE_MESSAGE });
  });

  it("refuses more rows than one import takes, naming the limit", () => {
    const text = `email\n${"a@b.co\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    const result = inspectCsv(utf8(text));
    expect(result).toEqual({ ok: false, error: expect.stringContaining("200,001 rows; one import takes at most 200,000") });
  });
});
