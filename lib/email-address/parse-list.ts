import { validateAddress } from "./validate";

export type ParsedAddress = { email: string; name: string };
export type InvalidEntry = { input: string; reason: string };
export type AddressList = {
  /** Valid addresses in the order given, each once. */
  addresses: ParsedAddress[];
  invalid: InvalidEntry[];
  /** Entries dropped because an earlier one had the same address (case-insensitively). */
  duplicates: number;
};

// Hard separators end an entry; spaces and tabs separate bare addresses too, but a name may contain spaces.
const HARD_SEPARATORS = new Set([",", ";", "\n", "\r"]);
// Double typographic quotes as word processors and mail clients write them (“…”, „…“, «…»): like '"', a separator inside them is part of the name.
const TYPOGRAPHIC_DOUBLE = new Set(["\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"]);
// Every quote that may wrap a name, straight, typographic or CJK.
const QUOTES = "\"'\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB\u2039\u203A\u300C\u300D\u300E\u300F";
const wrappingQuotes = new RegExp(`^[${QUOTES}]\\s*([^]*?)\\s*[${QUOTES}]$`);

/**
 * Reads typed or pasted addresses separated by new lines, commas,
 * semicolons, spaces or tabs in any mix, including entries like
 * `Jane Doe <jane@corp.com>` and `"Doe, Jane" <jane@corp.com>` as mail
 * clients copy them, and `mailto:` links.
 */
export function parseAddressList(text: string): AddressList {
  const result: AddressList = { addresses: [], invalid: [], duplicates: 0 };
  const seen = new Map<string, ParsedAddress>();
  for (const segment of splitSegments(text)) {
    for (const entry of readSegment(segment)) {
      const check = validateAddress(entry.address.replace(/^mailto:/i, ""));
      if (!check.ok) {
        result.invalid.push({ input: entry.raw, reason: check.reason });
        continue;
      }
      const key = check.email.toLowerCase();
      const earlier = seen.get(key);
      if (earlier) {
        result.duplicates++;
        if (!earlier.name && entry.name) earlier.name = entry.name;
        continue;
      }
      const parsed = { email: check.email, name: entry.name };
      seen.set(key, parsed);
      result.addresses.push(parsed);
    }
  }
  return result;
}

/** Splits on hard separators that are not inside quotes or angle brackets. */
function splitSegments(text: string): string[] {
  const segments: string[] = [];
  let current = "";
  let quoted = false;
  let curly = false;
  let angled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && quoted && i + 1 < text.length) {
      current += c + text[++i];
      continue;
    }
    if (c === '"' && !angled && !curly) quoted = !quoted;
    else if (TYPOGRAPHIC_DOUBLE.has(c) && !angled && !quoted) curly = !curly;
    else if (c === "<" && !quoted) angled = true;
    else if (c === ">" && !quoted) angled = false;
    // A line break always ends an entry, so one stray quote cannot swallow the rest of a paste.
    if ((HARD_SEPARATORS.has(c) && !quoted && !curly && !angled) || c === "\n" || c === "\r") {
      segments.push(current);
      current = "";
      quoted = false;
      curly = false;
      angled = false;
    } else {
      current += c;
    }
  }
  segments.push(current);
  return segments.filter((s) => s.trim() !== "");
}

type Entry = { address: string; name: string; raw: string };

const namedAddress = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^>]*)>/;

/** The entries of one segment: `name <address>` groups, then bare words. */
function readSegment(segment: string): Entry[] {
  const entries: Entry[] = [];
  let rest = segment;
  for (let m = namedAddress.exec(rest); m; m = namedAddress.exec(rest)) {
    const before = m[2] ?? "";
    // Words before the <…> that hold an @ are addresses of their own; the others are the name.
    const words = before.split(/\s+/).filter(Boolean);
    const bare = words.filter((w) => w.includes("@"));
    for (const w of bare) entries.push({ address: stripWrapping(w), name: "", raw: w });
    const name = m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : words.filter((w) => !w.includes("@")).join(" ");
    entries.push({ address: m[3].trim(), name: cleanName(name), raw: m[0].trim() });
    rest = rest.slice(m[0].length);
  }
  for (const word of rest.split(/[\s]+/).filter(Boolean)) {
    entries.push({ address: stripWrapping(word), name: "", raw: word });
  }
  return entries;
}

// Stray brackets and quotes (straight or typographic) around a bare address, as left by partial copies.
const leadingWrap = new RegExp(`^[<(${QUOTES}]+`);
const trailingWrap = new RegExp(`[>)${QUOTES}]+$`);
function stripWrapping(word: string): string {
  return word.replace(leadingWrap, "").replace(trailingWrap, "");
}

/** A name without the quotes it was pasted in: “Jane Doe”, ‘Jane Doe’, « Jane Doe », 'Jane Doe' → Jane Doe. */
export function cleanName(name: string): string {
  let text = name.trim();
  for (let m = wrappingQuotes.exec(text); m; m = wrappingQuotes.exec(text)) text = m[1];
  return text.replace(/\s+/g, " ");
}

/**
 * One cell meant to hold one address (a CSV email column): `Name <address>`,
 * `"Last, First" <address>` and `mailto:` forms give the address and the name,
 * read as the Add users wizard reads one entry; a cell holding more than one
 * entry is returned as written, for the validator to explain.
 */
export function parseAddressCell(cell: string): { address: string; name: string } {
  const trimmed = cell.trim();
  const entries = readSegment(trimmed);
  if (entries.length === 1) return { address: entries[0].address.replace(/^mailto:/i, ""), name: entries[0].name };
  return { address: trimmed.replace(/^mailto:/i, ""), name: "" };
}
