import { describe, expect, it } from "vitest";
import { publicBaseUrl } from "./base-url";

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
