import { describe, expect, it } from "vitest";
import { cellOf, inspectCsv } from "./inspect";

/*
 * Files shaped as Excel and LibreOffice Calc save them, made here byte by
 * byte (not with the decoder under test), read end to end: decode, parse,
 * find the columns, take the cells as the importer does.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => utf8(`\uFEFF${text}`);
const utf16leWithBom = (text: string) => {
  const units = `\uFEFF${text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    bytes[2 * i] = units.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = units.charCodeAt(i) >> 8;
  }
  return bytes;
};
// Latin-1 matches Windows-1252 from 0xA0 up; Cyrillic А–я sit at 0xC0–0xFF in Windows-1251.
const windows1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const windows1251 = (text: string) =>
  Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
  });

/** What the importer would read from each row: email, name, phone, group. */
function readRows(bytes: Uint8Array) {
  const result = inspectCsv(bytes);
  if (!result.ok) throw new Error(result.error);
  const { columns } = result.csv.columns;
  return {
    encoding: result.csv.encoding,
    delimiter: result.csv.delimiter,
    unknown: result.csv.columns.unknown,
    rows: result.csv.rows.map((r, i) => [
      result.csv.rowNumbers[i],
      cellOf(r, columns.email),
      cellOf(r, columns.name),
      cellOf(r, columns.phone),
      cellOf(r, columns.group),
    ]),
  };
}

describe("files saved by spreadsheet programs", () => {
  it('Excel "CSV UTF-8 (Comma delimited)": BOM, CRLF, quotes only where needed, empty trailing cells and rows', () => {
    const file = withBom(
      'E-mail Address,Full Name,Mobile Phone,Department,,\r\n' +
        'zoe@corp.example,Zoë Müller,,Sales,,\r\n' +
        'li@corp.example,"Li, Wei",+86 10 1234 5678,"R&D ""Labs""",,\r\n' +
        ',,,,,\r\n,,,,,\r\n',
    );
    expect(readRows(file)).toEqual({
      encoding: "utf-8",
      delimiter: ",",
      unknown: [],
      rows: [
        [2, "zoe@corp.example", "Zoë Müller", "", "Sales"],
        [3, "li@corp.example", "Li, Wei", "+86 10 1234 5678", 'R&D "Labs"'],
      ],
    });
  });

  it('Excel "CSV (Comma delimited)" in a German locale: Windows-1252, semicolons, a line break typed with Alt+Enter', () => {
    const file = windows1252('Email;Name;Phone;Group\r\njurgen@corp.example;Jürgen Groß;0049 30 1234;"Vertrieb\nNord"\r\nrenee@corp.example;Renée;;\r\n');
    expect(readRows(file)).toEqual({
      encoding: "windows-1252",
      delimiter: ";",
      unknown: [],
      rows: [
        [2, "jurgen@corp.example", "Jürgen Groß", "0049 30 1234", "Vertrieb\nNord"],
        // A line break inside quotes stays in its cell: Renée is on the spreadsheet's row 3.
        [3, "renee@corp.example", "Renée", "", ""],
      ],
    });
  });

  it('Excel "Unicode Text": UTF-16 LE with BOM, tabs, quotes around cells holding quotes', () => {
    const file = utf16leWithBom('email\tname\tgroup\r\nivan@corp.example\tИван Петров\t"The ""A"" team"\r\nmia@corp.example\tMia 🌸\t\r\n');
    expect(readRows(file)).toEqual({
      encoding: "utf-16le",
      delimiter: "\t",
      unknown: [],
      rows: [
        [2, "ivan@corp.example", "Иван Петров", "", 'The "A" team'],
        [3, "mia@corp.example", "Mia 🌸", "", ""],
      ],
    });
  });

  it("LibreOffice Calc's defaults on Linux: UTF-8 without BOM, LF, every text cell quoted", () => {
    const file = utf8('"email","name","phone","group"\n"ann@corp.example","Ann O\'Neil",,"Support"\n"bo@corp.example","Bo",12345,""\n');
    expect(readRows(file)).toEqual({
      encoding: "utf-8",
      delimiter: ",",
      unknown: [],
      rows: [
        [2, "ann@corp.example", "Ann O'Neil", "", "Support"],
        [3, "bo@corp.example", "Bo", "12345", ""],
      ],
    });
  });

  it("LibreOffice Calc with Cyrillic (Windows-1251) and semicolons chosen in the export dialog", () => {
    const file = windows1251('"Email";"Name";"Group"\r\n"olga@corp.example";"Ольга Смирнова";"Бухгалтерия"\r\n');
    expect(readRows(file)).toEqual({
      encoding: "windows-1251",
      delimiter: ";",
      unknown: [],
      rows: [[2, "olga@corp.example", "Ольга Смирнова", "", "Бухгалтерия"]],
    });
  });

  it("Numbers and Google Sheets: UTF-8, CRLF or LF, no final line break", () => {
    expect(readRows(utf8("Email,Name\r\na@corp.example,A\r\nb@corp.example,B")).rows).toEqual([
      [2, "a@corp.example", "A", "", ""],
      [3, "b@corp.example", "B", "", ""],
    ]);
  });

  it("an exported users list: formula-neutralised phones come back as typed", () => {
    const file = withBom("Name,Email,Phone,Groups\r\nAnn,ann@corp.example,'+44 20 7946 0958,Sales; Support\r\nBob,bob@corp.example,'-12,\r\n");
    expect(readRows(file).rows).toEqual([
      [2, "ann@corp.example", "Ann", "+44 20 7946 0958", "Sales; Support"],
      [3, "bob@corp.example", "Bob", "-12", ""],
    ]);
  });
});
