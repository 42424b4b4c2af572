import { IMPORT_COLUMNS } from "./columns";
import { csvLine } from "./escape";

/**
 * The import template: the header row and one example row, CRLF line
 * endings, with a UTF-8 byte order mark, without which Excel reads the
 * file in the machine's legacy code page and garbles non-ASCII names.
 */
export function importTemplateCsv(): string {
  return `\uFEFF${csvLine(IMPORT_COLUMNS.map((c) => c.header))}${csvLine(IMPORT_COLUMNS.map((c) => c.example))}`;
}
