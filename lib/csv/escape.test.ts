import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./escape";
import { parseCsvText } from "./parse";

describe("csvCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tfoo", "'\tfoo"],
    ["\0foo", "'\0foo"],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["\rfoo", `"'\rfoo"`],
    ["+44 20 7946 0958", "'+44 20 7946 0958"],
  ])("neutralises a formula: %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(["jane@corp.com", "Jane Doe", "Zoë Müller", "Иван Петров", "1+1", "a=b", "020 7946 0958", " =1", "'quoted", ""])(
    "leaves ordinary text alone: %j",
    (value) => {
      expect(csvCell(value)).toBe(value);
    },
  );

  it.each([
    ["Doe, Jane", '"Doe, Jane"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["line 1\nline 2", '"line 1\nline 2"'],
    ["line 1\r\nline 2", '"line 1\r\nline 2"'],
    ["semi;colon", "semi;colon"],
  ])("quotes per RFC 4180: %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("csvLine", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvLine(["a", "b, c", "=d"])).toBe('a,"b, c",\'=d\r\n');
    expect(csvLine([])).toBe("\r\n");
  });

  it("reads back through parseCsvText as the prefixed values", () => {
    const values = ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tfoo", "\rfoo", "\0foo", "Doe, Jane", 'say "hi"', "a\r\nb", "c\nd", "Zoë", ""];
    const header = values.map((_, i) => `c${i}`);
    const parsed = parseCsvText(csvLine(header) + csvLine(values) + csvLine(values));
    const prefixed = values.map((v) => (/^[=+\-@\t\r\0]/.test(v) ? `'${v}` : v));
    expect(parsed).toEqual({ header, rows: [prefixed, prefixed], rowNumbers: [2, 3], delimiter: ",", errors: [] });
  });
});
