/**
 * CSV cells for export, safe to open in a spreadsheet. OWASP ASVS 5.0
 * §1.2.10: a value starting with `=`, `+`, `-`, `@`, tab, carriage return or
 * NUL could run as a formula, so it gets a leading `'`, which spreadsheets
 * read as "this is text". Papaparse's `escapeFormulae` misses NUL, hence
 * our own. Then RFC 4180 §2.6–2.7 quoting.
 */

const FORMULA_START = /^[=+\-@\t\r\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One exported cell: formula-neutralised, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One exported record: cells joined with commas and ended with CRLF. */
export function csvLine(values: string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
