import { describe, expect, it } from "vitest";
import { clientAddress, resolveClientAddress, trustedProxyCount } from "./client-address";

describe("resolveClientAddress", () => {
  it("uses the socket's address when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", ["6.6.6.6", "7.7.7.7"], 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:198.51.100.4", undefined, 0)).toBe("198.51.100.4");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("believes exactly as many X-Forwarded-For hops as there are trusted proxies", () => {
    // client → proxy A (appends client) → proxy B (appends A) → console (socket = B)
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    // A client prepending a made-up hop does not move the answer.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    // Fewer hops than trusted proxies: the leftmost is the best there is.
    expect(resolveClientAddress("10.0.0.1", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
  });

  it("reads TRUSTED_PROXIES as a small non-negative integer", () => {
    expect(trustedProxyCount({})).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXIES: "2" })).toBe(2);
    expect(trustedProxyCount({ TRUSTED_PROXIES: "-1" })).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXIES: "yes" })).toBe(0);
  });
});

describe("clientAddress", () => {
  it("reads only the address the server recorded, never X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
    expect(clientAddress(new Headers({ "x-roster-client-address": "203.0.113.9" }))).toBe("203.0.113.9");
  });
});
