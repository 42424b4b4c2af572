import { describe, expect, it } from "vitest";
import { decodeCsvBytes, type CsvEncoding } from "./decode";
import { parseCsvText } from "./parse";

// The fixtures are encoded here by hand, not with the decoder under test.
const utf8 = (text: string) => new TextEncoder().encode(text);
const bom8 = (text: string) => utf8(`\uFEFF${text}`);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? "\uFEFF" : "") + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

// Windows-1252 matches Latin-1 from 0xA0 up; we need nothing from 0x80–0x9F.
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    throw new Error(`${c} is not in the test's Windows-1252 table`);
  });
}

// Windows-1251 holds А–я at 0xC0–0xFF in alphabet order, Ё at 0xA8 and ё at 0xB8.
function windows1251(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c === "Ё") return 0xa8;
    if (c === "ё") return 0xb8;
    throw new Error(`${c} is not in the test's Windows-1251 table`);
  });
}

const everyone = "email,name\r\nzoe@corp.com,Zoë Müller\r\nlukasz@corp.com,Łukasz\r\nivan@corp.com,Иван Петров\r\n";
const excelUnicodeText = everyone.replace(/,/g, "\t");
const latin = "email;name\r\nzoe@corp.com;Zoë Müller\r\njurgen@corp.com;Jürgen Groß\r\nrenee@corp.com;Renée Éloïse à Noël\r\n";
const cyrillic =
  "email;name\r\nivan@corp.com;Иван Петров\r\nalena@corp.com;Алёна Ёлкина\r\nsergey.smirnov@corp.com;СМИРНОВ С.\r\n";

describe("decodeCsvBytes", () => {
  it.each<[string, Uint8Array, string, CsvEncoding]>([
    ["UTF-8", utf8(everyone), everyone, "utf-8"],
    ["UTF-8 with BOM", bom8(everyone), everyone, "utf-8"],
    ["UTF-16 LE with BOM (Excel's Unicode text)", utf16(excelUnicodeText, true, true), excelUnicodeText, "utf-16le"],
    ["UTF-16 BE with BOM", utf16(everyone, false, true), everyone, "utf-16be"],
    ["UTF-16 LE without BOM", utf16(excelUnicodeText, true, false), excelUnicodeText, "utf-16le"],
    ["UTF-16 BE without BOM", utf16(everyone, false, false), everyone, "utf-16be"],
    ["Windows-1252", windows1252(latin), latin, "windows-1252"],
    ["Windows-1251", windows1251(cyrillic), cyrillic, "windows-1251"],
    ["Windows-1252, one accented name", windows1252("email,name\nzoe@x.com,Zoë\n"), "email,name\nzoe@x.com,Zoë\n", "windows-1252"],
    ["Windows-1251, one Cyrillic name", windows1251("email,name\nivan@x.com,Иван\n"), "email,name\nivan@x.com,Иван\n", "windows-1251"],
    ["plain ASCII", utf8("email\na@x.com\n"), "email\na@x.com\n", "utf-8"],
    ["nothing", new Uint8Array(), "", "utf-8"],
  ])("detects %s", (_, bytes, text, encoding) => {
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding });
  });

  it("reads Excel's Unicode text through to the parser", () => {
    const { text } = decodeCsvBytes(utf16(excelUnicodeText, true, true));
    expect(parseCsvText(text)).toMatchObject({
      header: ["email", "name"],
      rows: [
        ["zoe@corp.com", "Zoë Müller"],
        ["lukasz@corp.com", "Łukasz"],
        ["ivan@corp.com", "Иван Петров"],
      ],
      delimiter: "\t",
    });
  });

  it.each<[string, Uint8Array, CsvEncoding, string]>([
    ["UTF-8 read as Windows-1252", utf8("a,Zoë\n"), "windows-1252", "a,ZoÃ«\n"],
    ["Windows-1252 read as Windows-1251", windows1252("a,Zoë\n"), "windows-1251", "a,Zoл\n"],
    ["Windows-1251 read as Windows-1252", windows1251("a,Иван\n"), "windows-1252", "a,Èâàí\n"],
    ["Windows-1252 read as UTF-8", windows1252("a,Zoë\n"), "utf-8", "a,Zo\uFFFD\n"],
    ["UTF-8 with BOM read as UTF-8", bom8("a,Zoë\n"), "utf-8", "a,Zoë\n"],
    ["UTF-16 LE with BOM read as UTF-16 LE", utf16("a,Zoë\n", true, true), "utf-16le", "a,Zoë\n"],
  ])("lets an explicit encoding win: %s", (_, bytes, encoding, text) => {
    expect(decodeCsvBytes(bytes, encoding)).toEqual({ text, encoding });
  });
});
