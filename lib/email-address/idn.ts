/**
 * Internationalised domains as people read them. Addresses are stored and
 * delivered with their domain in punycode (`jose@xn--exmple-cua.com`, what
 * validateAddress returns and mail systems route on); screens show the
 * Unicode form (`jose@exämple.com`). Pure code, so the browser (Check data)
 * and the server (the users list) show the same text; Node's
 * `url.domainToUnicode` is not available in the browser.
 */

// RFC 3492 (Punycode) parameters.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 26; // 0-9
  if (c >= 0x61 && c <= 0x7a) return c - 0x61; // a-z
  if (c >= 0x41 && c <= 0x5a) return c - 0x41; // A-Z
  return BASE;
}

/** Decodes one punycode label (without "xn--"); null when it is not valid punycode. */
function decodeLabel(input: string): string | null {
  const out: number[] = [];
  const basicEnd = input.lastIndexOf("-");
  for (let j = 0; j < Math.max(basicEnd, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    out.push(c);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * 1000) return null;
    }
    const points = out.length + 1;
    bias = adapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > 0x10ffff) return null;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** A domain with its punycode labels (`xn--…`) in Unicode; a label that is not valid punycode stays as it is. */
export function domainToUnicode(domain: string): string {
  return domain
    .split(".")
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      const decoded = decodeLabel(label.slice(4).toLowerCase());
      return decoded && decoded !== label.slice(4) ? decoded : label;
    })
    .join(".");
}

/** A domain in punycode as mail systems route on (lower-cased, IDNA/UTS #46 through the URL parser); null when it cannot be a host name. */
export function domainToAscii(domain: string): string | null {
  if (/^[a-zA-Z0-9.-]+$/.test(domain)) return domain.toLowerCase();
  if (/[\s/\\?#@:[\]%]/.test(domain)) return null;
  try {
    // The URL parser applies UTS #46 the same way in browsers and Node.
    const host = new URL(`http://${domain}`).hostname;
    return /^[a-z0-9.-]+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** An address as people read it: the domain in Unicode (`jose@exämple.com`); anything without an @ is returned as it is. */
export function displayAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0 || !/xn--/i.test(email.slice(at + 1))) return email;
  return `${email.slice(0, at)}@${domainToUnicode(email.slice(at + 1))}`;
}

/**
 * What a search typed with a Unicode domain (or part of one) matches among
 * stored addresses: `jose@exämple.com` → `jose@xn--exmple-cua.com`,
 * `exämple` → `xn--exmple-cua`; null when the text is ASCII or no domain.
 */
export function asciiSearchForm(text: string): string | null {
  if (/^[\x00-\x7f]*$/.test(text)) return null;
  const at = text.lastIndexOf("@");
  const domain = domainToAscii(text.slice(at + 1));
  if (!domain || domain === text.slice(at + 1).toLowerCase()) return null;
  return `${text.slice(0, at + 1)}${domain}`;
}
