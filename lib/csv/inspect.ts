import { mapHeader, type ColumnChoices, type HeaderMap } from "./columns";
import { decodeCsvBytes, type CsvEncoding } from "./decode";
import { parseCsvText, type ParseProgress, type ParsedCsv } from "./parse";

/** The largest import file, in bytes and in data rows; named in the refusal messages. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

export type InspectedCsv = ParsedCsv & { encoding: CsvEncoding; columns: HeaderMap };

/**
 * A refusal; for a file whose only fault is that no column is recognised as
 * the email column, `header` is its first row and `csv` the file as read, so
 * the admin can choose the columns (on the review step) instead.
 */
export type CsvInspection = { ok: true; csv: InspectedCsv } | { ok: false; error: string; header?: string[]; csv?: InspectedCsv };

/** The refusal for a file over the byte limit, shared by the browser (before upload) and the server. */
export const TOO_LARGE_MESSAGE = `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most one import takes. Split it into several files.`;

/**
 * Reads an import file the same way in the browser (for the preview) and on
 * the server (the result that counts): decodes it, parses it, finds the
 * columns, and refuses what cannot be imported (not CSV, empty, no email
 * column, too large) with a message that says what to do. `onProgress`
 * hears how far parsing has got (the browser's progress bar).
 */
export function inspectCsv(bytes: Uint8Array, encoding?: CsvEncoding, options: { onProgress?: ParseProgress; columns?: ColumnChoices } = {}): CsvInspection {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: TOO_LARGE_MESSAGE };
  const notText = notCsvReason(bytes);
  if (notText) return { ok: false, error: notText };
  const decoded = decodeCsvBytes(bytes, encoding);
  if (decoded.text.includes("\0")) return { ok: false, error: "This is not a text file. Choose a CSV file (comma-, semicolon- or tab-separated)." };
  const parsed = parseCsvText(decoded.text, options.onProgress);
  if (parsed.header.length === 0) return { ok: false, error: "The file is empty. Add a header row and one row per user; the template shows how." };
  const columns = mapHeader(parsed.header, options.columns);
  if (columns.missingEmail) {
    // Each name shortened: read in the wrong encoding, a whole file can look like one header cell.
    const found = parsed.header
      .map((h) => h.trim())
      .filter(Boolean)
      .slice(0, 8)
      .map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h));
    return {
      ok: false,
      header: parsed.header,
      csv: parsed.rows.length > 0 && parsed.rows.length <= MAX_IMPORT_ROWS ? { ...parsed, encoding: decoded.encoding, columns } : undefined,
      error: `The file has no email column. The first row must name the columns, with one called "email"${
        found.length ? `; this file's first row is: ${found.join(", ")}` : ""
      }.`,
    };
  }
  if (parsed.rows.length === 0) return { ok: false, error: "The file has a header row but no users. Add one row per user below it." };
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: `The file has ${parsed.rows.length.toLocaleString("en-US")} rows; one import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")}. Split it into several files.`,
    };
  }
  return { ok: true, csv: { ...parsed, encoding: decoded.encoding, columns } };
}

/** Files people pick by mistake, recognised by their first bytes. */
export function notCsvReason(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return "This is an Excel workbook or another ZIP file, not CSV. In Excel choose File → Save As → \"CSV UTF-8 (Comma delimited)\" and upload that file.";
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return "This is an old Excel (.xls) workbook, not CSV. In Excel choose File → Save As → \"CSV UTF-8 (Comma delimited)\".";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "This is a PDF file, not CSV. Choose a CSV file.";
  return null;
}

/**
 * The value of a column in a parsed row, trimmed; empty when the file has no
 * such column or the row is short. The `'` our export puts before a value
 * that would start a formula (`'+44 20…`) is taken off again, so an export
 * imports back unchanged.
 */
export function cellOf(row: string[], index: number | undefined): string {
  const value = index === undefined ? "" : (row[index] ?? "").trim();
  return /^'[=+\-@\t\r\0]/.test(value) ? value.slice(1) : value;
}

/**
 * A row's name: the name column, or where that is empty or missing the
 * first and last name columns joined ("Jane" "Doe" → "Jane Doe"), as spreadsheets and directories split it.
 */
export function nameOf(row: string[], columns: HeaderMap["columns"]): string {
  const whole = cellOf(row, columns.name);
  if (whole) return whole;
  return [cellOf(row, columns.firstName), cellOf(row, columns.lastName)].filter(Boolean).join(" ");
}
