import { describe, expect, it } from "vitest";
import { cookieFromHeader, deviceCookieAfterSignIn, deviceCookieOptions, trustedDeviceId } from "./device-cookie";

const secret = "device-cookie-unit-test-secret";

describe("device cookies", () => {
  it("are trusted for the email they were issued for, in any case, and for no other", () => {
    const cookie = deviceCookieAfterSignIn("Ann@Example.com", undefined, secret);
    const id = trustedDeviceId(cookie, "ann@example.com", secret);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(trustedDeviceId(cookie, " ANN@example.COM ", secret)).toBe(id);
    expect(trustedDeviceId(cookie, "bob@example.com", secret)).toBeNull();
    expect(trustedDeviceId(cookie, "ann@example.com", "another secret")).toBeNull();
  });

  it("refuse anything altered or malformed", () => {
    const cookie = deviceCookieAfterSignIn("ann@example.com", undefined, secret);
    const [v, id, sig] = cookie.split(".");
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith("A") ? "B" : "A"}`;
    for (const bad of [`${v}.${flip(id)}.${sig}`, `${v}.${id}.${flip(sig)}`, `v2.${id}.${sig}`, `${cookie}.x`, `${v}.${id}`, "", "...", `${v}.${id}.${sig.slice(0, 10)}`]) {
      expect(trustedDeviceId(bad, "ann@example.com", secret)).toBeNull();
    }
    expect(trustedDeviceId(undefined, "ann@example.com", secret)).toBeNull();
  });

  it("are kept across sign-ins as the same email and replaced for another", () => {
    const first = deviceCookieAfterSignIn("ann@example.com", undefined, secret);
    expect(deviceCookieAfterSignIn("ANN@example.com", first, secret)).toBe(first);
    expect(deviceCookieAfterSignIn("bob@example.com", first, secret)).not.toBe(first);
    expect(deviceCookieAfterSignIn("ann@example.com", "forged", secret)).not.toBe("forged");
  });

  it("are httpOnly, SameSite=Lax and Secure only over https", () => {
    expect(deviceCookieOptions(true)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(deviceCookieOptions(false).secure).toBe(false);
  });

  it("are read from a Cookie header among others", () => {
    expect(cookieFromHeader("a=1; roster-device=v1.abc.def; b=2", "roster-device")).toBe("v1.abc.def");
    expect(cookieFromHeader("xroster-device=1", "roster-device")).toBeUndefined();
    expect(cookieFromHeader(null, "roster-device")).toBeUndefined();
    expect(cookieFromHeader("roster-device=%E0%A4%A", "roster-device")).toBeUndefined();
  });
});
