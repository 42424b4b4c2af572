import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, mapHeader } from "./columns";
import { decodeCsvBytes } from "./decode";
import { parseCsvText } from "./parse";
import { importTemplateCsv } from "./template";

describe("importTemplateCsv", () => {
  const csv = importTemplateCsv();

  it("is a header and one example row, with a BOM and CRLF line endings", () => {
    expect(csv.startsWith("\uFEFFemail,name,phone,group,role,exchange domain,exchange username\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("reads back as the import columns and their examples", () => {
    const { text, encoding } = decodeCsvBytes(new TextEncoder().encode(csv));
    expect(encoding).toBe("utf-8");
    const parsed = parseCsvText(text);
    expect(parsed).toEqual({
      header: IMPORT_COLUMNS.map((c) => c.header),
      rows: [IMPORT_COLUMNS.map((c) => c.example)],
      rowNumbers: [2],
      delimiter: ",",
      errors: [],
    });
    expect(mapHeader(parsed.header)).toMatchObject({ unknown: [], duplicates: [], missingEmail: false });
  });
});
