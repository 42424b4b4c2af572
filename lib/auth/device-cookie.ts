import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Device cookies (OWASP "Slow down online guessing attacks with device
 * cookies"): after a successful sign-in the browser keeps a random device id
 * signed together with the email it signed in as. A later attempt for that
 * email that presents it is counted against that device alone, so an
 * attacker who uses up the email's "untrusted" attempts does not lock out
 * the owner's own browser. The cookie grants nothing else: it is not a
 * session and proves no password.
 */
export const DEVICE_COOKIE = "roster-device";
/** A year: long enough that the owner's usual browsers stay known. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const VERSION = "v1";

/** The HMAC key, derived from AUTH_SECRET so it is never the key Auth.js encrypts sessions with. */
function deviceKey(secret: string | undefined): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is not set; device cookies cannot be signed");
  return Buffer.from(hkdfSync("sha256", secret, "roster", "roster device cookie v1", 32));
}

function signature(deviceId: string, email: string, secret: string | undefined): Buffer {
  return createHmac("sha256", deviceKey(secret)).update(`${VERSION}\n${deviceId}\n${email.trim().toLowerCase()}`).digest();
}

/**
 * The device id a cookie value carries when it is well formed and signed for
 * this email; null when absent, forged, or issued for another email.
 */
export function trustedDeviceId(cookie: string | undefined | null, email: string, secret = process.env.AUTH_SECRET): string | null {
  if (!cookie) return null;
  const [version, deviceId, sig, ...rest] = cookie.split(".");
  if (version !== VERSION || rest.length > 0 || !deviceId || !sig || !/^[A-Za-z0-9_-]{22}$/.test(deviceId)) return null;
  const given = Buffer.from(sig, "base64url");
  // Only the canonical encoding: base64url's last character has spare bits, so other spellings decode alike.
  if (given.toString("base64url") !== sig) return null;
  const expected = signature(deviceId, email, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/**
 * The cookie value to keep after a successful sign-in as `email`: the
 * browser's current one when it is already this email's, else a new device.
 */
export function deviceCookieAfterSignIn(email: string, current: string | undefined | null, secret = process.env.AUTH_SECRET): string {
  if (trustedDeviceId(current, email, secret)) return current!;
  const deviceId = randomBytes(16).toString("base64url");
  return `${VERSION}.${deviceId}.${signature(deviceId, email, secret).toString("base64url")}`;
}

/** Cookie attributes: script cannot read it, it goes along with top-level navigations, and only over https when the console is served so. */
export function deviceCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS };
}

/** One cookie's value from a Cookie request header. */
export function cookieFromHeader(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
