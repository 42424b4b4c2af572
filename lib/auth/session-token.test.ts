import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { sessionIdFromCookies } from "./session-token";

const secret = "session-token-test-secret-0123456789";

function jar(cookies: Record<string, string>) {
  return {
    get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined),
    getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
  };
}

const tokenFor = (sid: string, salt: string, key = secret) => encode({ token: { sid }, secret: key, salt, maxAge: 60 });

describe("the session id in the Auth.js cookie", () => {
  it("is read from the plain and the __Secure- cookie, whole or in chunks", async () => {
    expect(await sessionIdFromCookies(jar({ "authjs.session-token": await tokenFor("sid-1", "authjs.session-token") }), secret)).toBe("sid-1");
    expect(await sessionIdFromCookies(jar({ "__Secure-authjs.session-token": await tokenFor("sid-2", "__Secure-authjs.session-token") }), secret)).toBe("sid-2");
    const whole = await tokenFor("sid-3", "authjs.session-token");
    const chunks = { "authjs.session-token.1": whole.slice(100), "authjs.session-token.0": whole.slice(0, 100) };
    expect(await sessionIdFromCookies(jar(chunks), secret)).toBe("sid-3");
  });

  it("is null without a cookie, for an altered one, one under another secret or another cookie's name", async () => {
    const good = await tokenFor("sid-4", "authjs.session-token");
    expect(await sessionIdFromCookies(jar({}), secret)).toBeNull();
    expect(await sessionIdFromCookies(jar({ "authjs.session-token": `${good.slice(0, -4)}AAAA` }), secret)).toBeNull();
    expect(await sessionIdFromCookies(jar({ "authjs.session-token": await tokenFor("sid-5", "authjs.session-token", "another-secret-0123456789abcdef") }), secret)).toBeNull();
    // Salted with the cookie's name: a token moved to the other name does not open.
    expect(await sessionIdFromCookies(jar({ "__Secure-authjs.session-token": good }), secret)).toBeNull();
    expect(await sessionIdFromCookies(jar({ "authjs.session-token": good }), "")).toBeNull();
  });
});
