/**
 * One validator for email addresses, shared by the Add users wizard, CSV
 * import and invitations, in the browser and on the server. "Valid" is the
 * WHATWG definition (what browsers enforce for <input type=email>), plus RFC
 * 5321's lengths and a dot in the domain. Internationalised domains are
 * converted to punycode, the form mail systems route on; a non-ASCII mailbox
 * name (RFC 6531) is refused, since WHATWG refuses it and many mail servers
 * still do.
 */

import { domainToAscii } from "./idn";

// WHATWG HTML, "valid e-mail address".
const whatwgEmail =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const localPartChars = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+$/;

export type AddressCheck = { ok: true; email: string } | { ok: false; reason: string };

// Characters that cannot be seen but break an address, by name (copies from web pages and PDFs bring them).
const INVISIBLE_NAMES: Record<string, string> = {
  "\u200B": "zero-width space",
  "\u200C": "zero-width non-joiner",
  "\u200D": "zero-width joiner",
  "\u2060": "word joiner",
  "\uFEFF": "zero-width no-break space",
  "\u00A0": "no-break space",
  "\u202F": "narrow no-break space",
  "\u00AD": "soft hyphen",
  "\u200E": "left-to-right mark",
  "\u200F": "right-to-left mark",
};

/** Says which invisible character or space an address holds, and where (1 = the first character); null when none. */
function invisibleCharacter(input: string): string | null {
  const chars = [...input];
  const at = chars.findIndex((c) => /[\s\p{Cf}\u00AD]/u.test(c));
  if (at < 0) return null;
  const c = chars[at];
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  if (c === " ") return `Contains a space at position ${at + 1}`;
  if (c === "\t") return `Contains a tab at position ${at + 1}`;
  return `Contains an invisible character (${INVISIBLE_NAMES[c] ?? "formatting character"}, ${code}) at position ${at + 1}`;
}

/** Checks one address; on success returns it with the domain lower-cased and in punycode. */
export function validateAddress(raw: string): AddressCheck {
  const input = raw.trim();
  const invisible = invisibleCharacter(input);
  if (invisible) return { ok: false, reason: invisible };
  const at = input.lastIndexOf("@");
  if (at < 0) return { ok: false, reason: "Not an email address (no @)" };
  if (input.indexOf("@") !== at) return { ok: false, reason: "More than one @" };
  const local = input.slice(0, at);
  const rawDomain = input.slice(at + 1);
  if (!local) return { ok: false, reason: "Nothing before the @" };
  if (!rawDomain) return { ok: false, reason: "No domain after the @" };
  if (local.length > 64) return { ok: false, reason: "The part before @ is longer than 64 characters" };
  if (!localPartChars.test(local)) return { ok: false, reason: "The part before @ has characters addresses cannot use" };

  const domain = domainToAscii(rawDomain);
  if (!domain) return { ok: false, reason: "The domain is not valid" };
  if (!domain.includes(".")) return { ok: false, reason: "The domain needs a dot (like example.com)" };
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: "Longer than 254 characters" };
  if (!whatwgEmail.test(email)) return { ok: false, reason: "The domain is not valid" };
  return { ok: true, email };
}
