/**
 * Turns the bytes of an uploaded CSV file into text, in the browser and in
 * Node alike (TextDecoder only). Spreadsheet programs save CSV in whatever
 * the machine's legacy code page is, so besides UTF-8 and UTF-16 we accept
 * the two Windows code pages our admins' files come in; the admin can
 * override a wrong guess by naming the encoding.
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "windows-1251";

export const CSV_ENCODINGS: readonly CsvEncoding[] = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "windows-1251"];

/** How the console names each encoding to the admin. */
export const CSV_ENCODING_LABELS: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE (Excel “Unicode text”)",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252 (Western European)",
  "windows-1251": "Windows-1251 (Cyrillic)",
};

export type DecodedCsv = { text: string; encoding: CsvEncoding };

/** Decodes a CSV file's bytes, detecting the encoding unless one is given; a leading BOM is dropped. */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  const chosen = encoding ?? detectEncoding(bytes);
  // Not fatal: with an explicit override, undecodable bytes become U+FFFD rather than an error.
  // TextDecoder drops a BOM matching the encoding; a BOM left by a mismatched override is dropped here.
  const text = new TextDecoder(chosen).decode(bytes).replace(/^\uFEFF/, "");
  return { text, encoding: chosen };
}

/** The encoding the bytes most likely are in. */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const utf16 = utf16ByNulBytes(bytes);
  if (utf16) return utf16;
  if (isUtf8(bytes)) return "utf-8";
  return looksCyrillic(bytes) ? "windows-1251" : "windows-1252";
}

const SAMPLE = 4096;

/**
 * UTF-16 without a BOM, recognised by its zero bytes: CSV text is mostly
 * ASCII (delimiters, digits, addresses), whose UTF-16 units have a zero
 * high byte: odd offsets in little-endian, even ones in big-endian. We call
 * it UTF-16 when at least a fifth of the first 2,048 units have a zero on
 * one side and at least four times as many as on the other. Text in any
 * 8-bit encoding has no NUL bytes at all.
 */
function utf16ByNulBytes(bytes: Uint8Array): CsvEncoding | null {
  const end = Math.min(bytes.length, SAMPLE) & ~1;
  if (end < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = end / 2;
  if (oddNul >= units / 5 && oddNul >= evenNul * 4) return "utf-16le";
  if (evenNul >= units / 5 && evenNul >= oddNul * 4) return "utf-16be";
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1251 or Windows-1252, from how letters above 0x7F sit in words.
 * In 1251, bytes 0xC0–0xFF (and 0xA8, 0xB8: Ё ё) are the Cyrillic alphabet,
 * so a Russian word is made of them entirely ("Иван"). In 1252 the same
 * bytes are accented Latin letters, which appear one or two at a time among
 * ASCII letters ("Zoë", "Müller"). We count the words of two letters or more
 * holding such a byte: if most of those are mostly high bytes, it is 1251.
 * Ties and files with no such words fall back to 1252.
 */
function looksCyrillic(bytes: Uint8Array): boolean {
  let cyrillicLike = 0;
  let latinLike = 0;
  let high = 0;
  let ascii = 0;
  const endWord = () => {
    if (high > 0 && high + ascii >= 2) {
      if (high > ascii) cyrillicLike++;
      else latinLike++;
    }
    high = 0;
    ascii = 0;
  };
  for (const b of bytes) {
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else endWord();
  }
  endWord();
  return cyrillicLike > latinLike;
}
