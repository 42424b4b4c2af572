import { IMPORT_COLUMNS, type ColumnKey } from "@/lib/csv/columns";
import type { CsvEncoding } from "@/lib/csv/decode";
import { cellOf, nameOf, type InspectedCsv } from "@/lib/csv/inspect";
import type { CsvError } from "@/lib/csv/parse";

/** How many rows the preview shows. */
export const PREVIEW_ROWS = 5;

/**
 * What the upload step shows of a parsed file: small enough to pass from
 * the parse worker to the page whatever the file's size.
 */
export type CsvPreview = {
  encoding: CsvEncoding;
  delimiter: string;
  rowCount: number;
  /** The recognised columns in the template's order, with the header as the file writes it. */
  columns: { key: ColumnKey; header: string; fileHeader: string }[];
  /** Header cells that are not imported: unknown names, then repeats of a recognised column. */
  ignored: string[];
  /** The first rows' values under `columns`. */
  sample: string[][];
  /** The first few parsing problems (e.g. an unclosed quote), and how many there are in all. */
  problems: CsvError[];
  problemCount: number;
  /** No column is recognised as the email column: the file can still be uploaded, and its columns chosen on the next step. */
  missingEmail?: string;
};

/** The worker's job: a chosen file, read in the encoding the admin chose or else the one detected. */
export type ParseRequest = { file: File; encoding?: CsvEncoding };

/** What the worker tells the page: progress (0–1), then a preview, a refusal, or a failure to read the file. */
export type ParseReply =
  | { type: "progress"; done: number }
  | { type: "done"; preview: CsvPreview }
  | { type: "refused"; error: string };

/** The preview of an inspected file. */
export function previewOf(csv: InspectedCsv): CsvPreview {
  const found = csv.columns.columns;
  const parts = [found.firstName, found.lastName].filter((i) => i !== undefined).map((i) => csv.header[i].trim());
  const columns = IMPORT_COLUMNS.flatMap(({ key, header }) => {
    const index = found[key];
    if (index !== undefined) return [{ key, header, fileHeader: csv.header[index].trim() }];
    // First and last name columns make the name when the file has no name column.
    if (key === "name" && parts.length) return [{ key, header, fileHeader: parts.join(" + ") }];
    return [];
  });
  return {
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    rowCount: csv.rows.length,
    columns,
    ignored: [...csv.columns.unknown, ...csv.columns.duplicates.map((h) => `${h} (repeated)`)],
    sample: csv.rows.slice(0, PREVIEW_ROWS).map((row) => columns.map((c) => (c.key === "name" ? nameOf(row, found) : cellOf(row, found[c.key])))),
    problems: csv.errors.slice(0, 3),
    problemCount: csv.errors.length,
  };
}

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** "comma", "semicolon", "tab". */
export function delimiterName(delimiter: string): string {
  return delimiterNames[delimiter] ?? JSON.stringify(delimiter);
}

// papaparse's two messages, in the console's words.
const problemText: Record<string, string> = {
  "Quoted field unterminated": "a quoted value has no closing quote, so the rest of the file may have been read as one value",
  "Trailing quote on quoted field is malformed": "a quoted value has more text after its closing quote",
};

/** "Row 8: a quoted value has no closing quote, …". */
export function describeProblem(problem: CsvError): string {
  const text = problemText[problem.message] ?? problem.message;
  return problem.row > 0 ? `Row ${problem.row}: ${text}.` : `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** "812 bytes", "14.2 KB", "3.5 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
