import Papa from "papaparse";

export type CsvError = {
  /** The row the problem is in, numbered as a spreadsheet shows the file (header 1, blank lines counted); 0 for the whole file. */
  row: number;
  message: string;
};

export type ParsedCsv = {
  /** The first record that is not blank, as written (not trimmed, duplicates kept). */
  header: string[];
  /** The records after the header, blank ones left out; ragged rows are kept as they are. */
  rows: string[][];
  /** For each of `rows`, its row number as a spreadsheet shows the file, for messages to the admin. */
  rowNumbers: number[];
  delimiter: string;
  errors: CsvError[];
};

/** The delimiters spreadsheet programs write: comma, semicolon (locales with a decimal comma) and tab ("Unicode text"). */
export const CSV_DELIMITERS = [",", ";", "\t"];

/**
 * Parses CSV text (RFC 4180 and what Excel writes): quoted fields may hold
 * delimiters, doubled quotes and line breaks; CRLF, LF and CR all end a
 * record; records with nothing but whitespace are skipped.
 */
export function parseCsvText(text: string): ParsedCsv {
  const input = text.replace(/^\uFEFF/, "");
  // Guessed with blank lines skipped, which would otherwise count as one-field records against every delimiter.
  const delimiter = Papa.parse<string[]>(input, { delimitersToGuess: CSV_DELIMITERS, skipEmptyLines: "greedy", preview: 1 }).meta
    .delimiter;
  // Parsed with blank lines kept, and dropped below, so that row numbers match the file's.
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
