/**
 * Internationalised domains as people read them. Addresses are stored and
 * delivered with their domain in punycode (`jose@xn--exmple-cua.com`, what
 * validateAddress returns and mail systems route on); screens show the
 * Unicode form (`jose@exämple.com`). Pure code, so the browser (Check data)
 * and the server (the users list) show the same text; Node's
 * `url.domainToUnicode` is not available in the browser, so decoding is
 * the `punycode` package's (RFC 3492), imported by its file path: plain
 * "punycode" would be Node's deprecated built-in module of the same name.
 */
import punycode from "punycode/punycode.js";

/** A domain with its punycode labels (`xn--…`) in Unicode; a label that is not valid punycode stays as it is. */
export function domainToUnicode(domain: string): string {
  return domain
    .split(".")
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      try {
        const decoded = punycode.decode(label.slice(4).toLowerCase());
        return decoded && decoded !== label.slice(4) ? decoded : label;
      } catch {
        // Not valid punycode (RangeError): shown as stored.
        return label;
      }
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
