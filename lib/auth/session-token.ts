import { decode } from "next-auth/jwt";

/** Auth.js's session cookie: with the __Secure- prefix over https, without it over http. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/**
 * The session id inside the request's Auth.js cookie, decrypted here on the
 * server. The Auth.js `session` callback leaves it out of what
 * /api/auth/session hands to page scripts, so this is the only way to it.
 * Null without a cookie, or for one that does not decrypt or has expired.
 */
export async function sessionIdFromCookies(jar: CookieJar, secret = process.env.AUTH_SECRET): Promise<string | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(jar, name);
    if (!token) continue;
    try {
      // Auth.js salts the key with the cookie's name.
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sid === "string") return payload.sid;
    } catch {
      // Tampered with, or encrypted under another secret: no session.
    }
  }
  return null;
}

// A large token is split into name.0, name.1, …; ours is small, but read both forms as Auth.js does.
function cookieValue(jar: CookieJar, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}
