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

/** Told how far parsing has got: the share of the text read so far, from 0 to 1. */
export type ParseProgress = (done: number) => void;

/**
 * Parses CSV text (RFC 4180 and what Excel writes): quoted fields may hold
 * delimiters, doubled quotes and line breaks; CRLF, LF and CR all end a
 * record; records with nothing but whitespace are skipped. `onProgress`, when
 * given, hears how far it has got (at most about a hundred times, ending at 1);
 * it does not change the result.
 */
export function parseCsvText(text: string, onProgress?: ParseProgress): ParsedCsv {
  const input = text.replace(/^\uFEFF/, "");
  // Guessed with blank lines skipped, which would otherwise count as one-field records against every delimiter.
  const delimiter = Papa.parse<string[]>(input, { delimitersToGuess: CSV_DELIMITERS, skipEmptyLines: "greedy", preview: 1 }).meta
    .delimiter;
  const records: { cells: string[]; number: number }[] = [];
  const errors: CsvError[] = [];
  const report = progressReporter(input.length, onProgress);
  let number = 0;
  // Parsed with blank lines kept, and dropped here, so that row numbers match the file's. Row by row (`step`)
  // so that progress can be told; papaparse hands each record its own errors, so they are numbered by record.
  Papa.parse<string[]>(input, {
    header: false,
    delimiter,
    skipEmptyLines: false,
    step: ({ data: cells, errors: rowErrors, meta }) => {
      number++;
      if (cells.some((cell) => cell.trim() !== "")) records.push({ cells, number });
      for (const e of rowErrors) errors.push({ row: typeof e.row === "number" ? number : 0, message: e.message });
      report(meta.cursor);
    },
  });
  report(input.length);
  const [header, ...rows] = records;
  return {
    header: header?.cells ?? [],
    rows: rows.map((r) => r.cells),
    rowNumbers: rows.map((r) => r.number),
    delimiter,
    errors,
  };
}

/** Calls `onProgress` each time another hundredth of `total` characters is read, and once at the end. */
function progressReporter(total: number, onProgress: ParseProgress | undefined): (read: number) => void {
  let next = 0;
  return (read) => {
    if (!onProgress || read < next) return;
    const done = total === 0 ? 1 : Math.min(1, read / total);
    onProgress(done);
    next = done >= 1 ? Infinity : Math.min(total, Math.floor((done + 0.01) * total));
  };
}
