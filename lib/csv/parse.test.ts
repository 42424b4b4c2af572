import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, parseCsvText, type ParsedCsv } from "./parse";

const spectrum = path.resolve(import.meta.dirname, "../../node_modules/csv-spectrum");
const cases = readdirSync(path.join(spectrum, "csvs"))
  .filter((f) => f.endsWith(".csv"))
  .map((f) => f.slice(0, -4));

// csv-spectrum 2.0.0's expected JSON for this case is a bare object and names a
// different phone number than its CSV holds; the CSV is the truth.
const corpusErrata: Record<string, Record<string, string>> = {
  location_coordinates: { "Contact Phone Number": "2095257564" },
};

const asObjects = (header: string[], rows: string[][]) =>
  rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));

describe("parseCsvText: csv-spectrum corpus", () => {
  it("has the corpus", () => expect(cases.length).toBeGreaterThanOrEqual(12));

  it.each(cases)("%s", (name) => {
    const text = readFileSync(path.join(spectrum, "csvs", `${name}.csv`), "utf8");
    const json: unknown = JSON.parse(readFileSync(path.join(spectrum, "json", `${name}.json`), "utf8"));
    const expected = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
    const fixed = expected.map((record) => ({ ...record, ...corpusErrata[name] }));
    const parsed = parseCsvText(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(",");
    expect(asObjects(parsed.header, parsed.rows)).toEqual(fixed);
  });
});

describe("parseCsvText", () => {
  const people = [
    ["email", "name"],
    ["jane@corp.com", "Doe, Jane"],
    ["zoe@corp.com", "Zoë Müller"],
  ];

  it.each([
    ["comma", ",", 'email,name\njane@corp.com,"Doe, Jane"\nzoe@corp.com,Zoë Müller\n'],
    ["semicolon", ";", "email;name\njane@corp.com;Doe, Jane\nzoe@corp.com;Zoë Müller\n"],
    ["tab", "\t", "email\tname\r\njane@corp.com\tDoe, Jane\r\nzoe@corp.com\tZoë Müller\r\n"],
  ])("detects the %s delimiter", (_, delimiter, text) => {
    expect(parseCsvText(text)).toEqual({ header: people[0], rows: people.slice(1), rowNumbers: [2, 3], delimiter, errors: [] });
  });

  it("reads semicolons with quoted semicolons and commas, as Excel writes in decimal-comma locales", () => {
    const parsed = parseCsvText('email;name;note\r\na@x.com;"Doe; Jane";"1,5"\r\nb@x.com;Bo;2,5\r\n');
    expect(parsed.delimiter).toBe(";");
    expect(parsed.rows).toEqual([
      ["a@x.com", "Doe; Jane", "1,5"],
      ["b@x.com", "Bo", "2,5"],
    ]);
  });

  it.each([
    ["LF", "a,b\n1,2\n3,4"],
    ["CRLF", "a,b\r\n1,2\r\n3,4\r\n"],
    ["CR", "a,b\r1,2\r3,4\r"],
  ])("reads %s line endings", (_, text) => {
    expect(parseCsvText(text)).toMatchObject({ header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], errors: [] });
  });

  it("skips blank and whitespace-only lines anywhere", () => {
    const parsed = parseCsvText("\n\na,b\n\n1,2\n   \n,\n\r\n3,4\n\n\n");
    expect(parsed).toMatchObject({ header: ["a", "b"], rows: [["1", "2"], ["3", "4"]], errors: [] });
  });

  it("keeps line breaks, delimiters and doubled quotes inside quoted fields", () => {
    const parsed = parseCsvText('email,note\r\na@x.com,"line 1\r\nline 2, with ""quotes"""\r\nb@x.com,"x\ny"\r\n');
    expect(parsed.rows).toEqual([
      ["a@x.com", 'line 1\r\nline 2, with "quotes"'],
      ["b@x.com", "x\ny"],
    ]);
  });

  it("strips a byte order mark", () => {
    expect(parseCsvText("\uFEFFemail;name\na@x.com;A\n")).toMatchObject({ header: ["email", "name"], delimiter: ";" });
  });

  it("keeps duplicate, blank and odd headers as written", () => {
    expect(parseCsvText(" Email ,email,,E-mail\n1,2,3,4\n").header).toEqual([" Email ", "email", "", "E-mail"]);
  });

  it("reads a file with a single column without complaint", () => {
    expect(parseCsvText("email\r\na@x.com\r\nb@x.com\r\n")).toEqual({
      header: ["email"],
      rows: [["a@x.com"], ["b@x.com"]],
      rowNumbers: [2, 3],
      delimiter: ",",
      errors: [],
    });
  });

  it("reads a header-only file and an empty file", () => {
    expect(parseCsvText("email;name\r\n")).toMatchObject({ header: ["email", "name"], rows: [], delimiter: ";" });
    expect(parseCsvText("")).toMatchObject({ header: [], rows: [], errors: [] });
    expect(parseCsvText("\n \n")).toMatchObject({ header: [], rows: [], errors: [] });
  });

  it("numbers rows as a spreadsheet shows the file, counting blank lines and a multi-line record as one", () => {
    const parsed = parseCsvText('\r\nemail,note\r\n\r\na@x.com,"two\r\nlines"\r\n ;\r\nb@x.com,x\r\n,\r\nc@x.com,"unclosed\r\n');
    expect(parsed.header).toEqual(["email", "note"]);
    expect(parsed.rows.map((r) => r[0])).toEqual(["a@x.com", " ;", "b@x.com", "c@x.com"]);
    expect(parsed.rowNumbers).toEqual([4, 5, 6, 8]);
    expect(parsed.errors).toEqual([{ row: 8, message: expect.stringMatching(/quote/i) }]);
  });

  it("keeps rows with fewer or more cells than the header as they are", () => {
    expect(parseCsvText("a,b,c\n1\n1,2,3,4\n").rows).toEqual([["1"], ["1", "2", "3", "4"]]);
  });

  it("reports an unclosed quote with its row, counting the header as row 1", () => {
    const parsed = parseCsvText('email,name\na@x.com,A\nb@x.com,"B\nc@x.com,C\n');
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].row).toBe(3);
    expect(parsed.errors[0].message).toMatch(/quote/i);
  });
});

/** What parseCsvText returned before it read record by record to tell its progress: one parse of the whole text. */
function wholeTextParse(text: string): ParsedCsv {
  const input = text.replace(/^\uFEFF/, "");
  const delimiter = Papa.parse<string[]>(input, { delimitersToGuess: CSV_DELIMITERS, skipEmptyLines: "greedy", preview: 1 }).meta
    .delimiter;
  const result = Papa.parse<string[]>(input, { header: false, delimiter, skipEmptyLines: false });
  const records = result.data
    .map((cells, index) => ({ cells, number: index + 1 }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  const [header, ...rows] = records;
  return {
    header: header?.cells ?? [],
    rows: rows.map((r) => r.cells),
    rowNumbers: rows.map((r) => r.number),
    delimiter,
    errors: result.errors.map((e) => ({ row: typeof e.row === "number" ? e.row + 1 : 0, message: e.message })),
  };
}

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The pieces that make CSV hard: every delimiter and line ending, quotes in and out of place, blanks, non-ASCII.
const pieces = ["a", "Zoë", "x@y.com", " ", ",", ";", "\t", "\r\n", "\n", "\r", '"', '""', '"q, r"', '"l1\r\nl2"', "\uFEFF", "", "  \n"];

describe("parseCsvText reads record by record with the same result as one whole-text parse", () => {
  const next = random(20261121);
  const texts = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(""),
  );

  it("on 3,000 generated texts, malformed ones included", () => {
    let withErrors = 0;
    for (const text of texts) {
      const expected = wholeTextParse(text);
      if (expected.errors.length) withErrors++;
      expect(parseCsvText(text), JSON.stringify(text)).toEqual(expected);
    }
    // The generated texts do reach papaparse's error paths.
    expect(withErrors).toBeGreaterThan(100);
  });

  it("on the csv-spectrum corpus", () => {
    for (const name of cases) {
      const text = readFileSync(path.join(spectrum, "csvs", `${name}.csv`), "utf8");
      expect(parseCsvText(text)).toEqual(wholeTextParse(text));
    }
  });
});

describe("parseCsvText: progress", () => {
  const text = ["email;name", ...Array.from({ length: 5000 }, (_, i) => `user${i}@corp.com;"Doe; Jane ${i}"`)].join("\r\n");

  it("tells how far it has got, rising to 1, about a hundred times, and returns the same result", () => {
    const seen: number[] = [];
    const parsed = parseCsvText(text, (done) => seen.push(done));
    expect(parsed).toEqual(parseCsvText(text));
    expect(parsed.rows).toHaveLength(5000);
    expect(seen.length).toBeGreaterThanOrEqual(50);
    expect(seen.length).toBeLessThanOrEqual(102);
    expect(seen.every((done, i) => done > 0 && done <= 1 && (i === 0 || done > seen[i - 1]))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it("ends at 1 for an empty text and a text with one record", () => {
    for (const input of ["", "email"]) {
      const seen: number[] = [];
      parseCsvText(input, (done) => seen.push(done));
      expect(seen).toEqual([1]);
    }
  });
});
