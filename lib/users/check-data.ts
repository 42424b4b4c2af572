import { displayAddress } from "@/lib/email-address/idn";
import type { ParsedAddress } from "@/lib/email-address/parse-list";
import { validateAddress } from "@/lib/email-address/validate";
import { aliasFromEmail } from "./fields";

/**
 * One row of the Add users wizard's Check data step. `source` is the address
 * the row came from on Enter email addresses (as stored, lower-cased), and
 * `parsedName` the name read there, so the row's edits can be told apart from
 * what the paste gave and kept when the admin goes Back and forward again.
 */
export type CheckRow = { key: number; source: string; email: string; alias: string; name: string; parsedName: string };

/** How an address is compared and looked up: as stored (punycode domain), lower-cased; text that is no address, lower-cased. */
export function addressKey(email: string): string {
  const check = validateAddress(email);
  return (check.ok ? check.email : email.trim()).toLowerCase();
}

/** A row as the paste gives it: the domain shown in Unicode, the alias from the mailbox part. */
function freshRow(key: number, address: ParsedAddress): CheckRow {
  const email = displayAddress(address.email);
  return { key, source: address.email.toLowerCase(), email, alias: aliasFromEmail(email), name: address.name, parsedName: address.name };
}

/**
 * The Check data rows for a (new) parse of the address list. A row whose
 * address is still in the list keeps the admin's edits to its email, alias
 * and name; a name the admin did not edit follows the list. Rows the admin
 * removed (by source) stay out.
 */
export function checkRowsFor(addresses: ParsedAddress[], previous: CheckRow[], removed: ReadonlySet<string>): CheckRow[] {
  const bySource = new Map(previous.map((r) => [r.source, r]));
  let nextKey = previous.reduce((max, r) => Math.max(max, r.key), -1) + 1;
  const rows: CheckRow[] = [];
  for (const address of addresses) {
    const source = address.email.toLowerCase();
    if (removed.has(source)) continue;
    const earlier = bySource.get(source);
    if (!earlier) {
      rows.push(freshRow(nextKey++, address));
      continue;
    }
    // The name as pasted may have changed; an edited name wins, an untouched one follows the paste.
    const name = earlier.name === earlier.parsedName ? address.name : earlier.name;
    rows.push({ ...earlier, name, parsedName: address.name });
  }
  return rows;
}

/** A row with its email edited: an alias that was still the default for the old email follows the new one. */
export function withEmail(row: CheckRow, email: string): CheckRow {
  const aliasWasDefault = row.alias === aliasFromEmail(row.email);
  return { ...row, email, alias: aliasWasDefault ? aliasFromEmail(email) : row.alias };
}

/** Rows saved by an earlier version of the wizard (without source or parsedName) as rows of this one. */
export function upgradeSavedRows(rows: Partial<CheckRow>[]): CheckRow[] {
  return rows.map((r, i) => {
    const email = r.email ?? "";
    return {
      key: r.key ?? i,
      source: r.source ?? addressKey(email),
      email,
      alias: r.alias ?? aliasFromEmail(email),
      name: r.name ?? "",
      parsedName: r.parsedName ?? r.name ?? "",
    };
  });
}
