import { describe, expect, it } from "vitest";
import { publicBaseUrl, unauthenticatedBaseUrl } from "./base-url";

describe("publicBaseUrl", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it("prefers ROSTER_URL", () => {
    expect(publicBaseUrl(h({ host: "evil.test" }), { ROSTER_URL: "https://console.example/" })).toBe("https://console.example");
  });
  it("ignores X-Forwarded-Host and -Proto when no proxy is trusted", () => {
    expect(publicBaseUrl(h({ host: "console.example", "x-forwarded-host": "evil.test", "x-forwarded-proto": "http" }), {})).toBe("https://console.example");
    expect(publicBaseUrl(h({ host: "localhost:3000" }), {})).toBe("http://localhost:3000");
  });
  it("uses the forwarded host behind a trusted proxy", () => {
    expect(publicBaseUrl(h({ host: "10.0.0.5:3000", "x-forwarded-host": "console.example, other", "x-forwarded-proto": "https" }), { TRUSTED_PROXIES: "1" })).toBe("https://console.example");
  });
});

describe("unauthenticatedBaseUrl (links in mail nobody signed in to ask for)", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it("uses ROSTER_URL whatever the Host says", () => {
    expect(unauthenticatedBaseUrl(h({ host: "evil.test" }), { ROSTER_URL: "https://console.example" })).toBe("https://console.example");
  });
  it("trusts the Host only when it is this machine", () => {
    expect(unauthenticatedBaseUrl(h({ host: "localhost:3210" }), {})).toBe("http://localhost:3210");
    expect(unauthenticatedBaseUrl(h({ host: "127.0.0.1:3000" }), {})).toBe("http://127.0.0.1:3000");
    expect(unauthenticatedBaseUrl(h({ host: "evil.test" }), {})).toBeNull();
    expect(unauthenticatedBaseUrl(h({ host: "localhost.evil.test" }), {})).toBeNull();
    expect(unauthenticatedBaseUrl(h({ host: "console.example", "x-forwarded-host": "evil.test" }), { TRUSTED_PROXIES: "1" })).toBeNull();
  });
});
