import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const request = (method: string, headers: Record<string, string>) => new Request("http://console.test/api/x", { method, headers });

describe("assertSameOrigin", () => {
  it("lets safe methods through without an Origin", () => {
    expect(() => assertSameOrigin(request("GET", { host: "console.test" }))).not.toThrow();
    expect(() => assertSameOrigin(request("HEAD", { host: "console.test", origin: "https://evil.example" }))).not.toThrow();
  });
  it("wants an unsafe method's Origin host to equal X-Forwarded-Host, else Host", () => {
    expect(() => assertSameOrigin(request("POST", { host: "console.test", origin: "http://console.test" }))).not.toThrow();
    expect(() => assertSameOrigin(request("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "roster.example.com", origin: "https://roster.example.com" }))).not.toThrow();
    expect(() => assertSameOrigin(request("POST", { host: "CONSOLE.test", origin: "http://console.TEST" }))).not.toThrow();
  });
  it("takes Sec-Fetch-Site: same-origin when the browser withholds Origin (a form POST under a strict referrer policy)", () => {
    expect(() => assertSameOrigin(request("POST", { host: "console.test", origin: "null", "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(request("POST", { host: "console.test", "sec-fetch-site": "same-origin" }))).not.toThrow();
  });
  it("refuses a missing, opaque, malformed or different Origin with FORBIDDEN", () => {
    const refused: Record<string, string>[] = [
      { host: "console.test" },
      { host: "console.test", origin: "null" },
      { host: "console.test", origin: "not a url" },
      { host: "console.test", origin: "https://evil.example" },
      { host: "console.test", origin: "http://console.test:8080" },
      { host: "console.test", "x-forwarded-host": "roster.example.com", origin: "http://console.test" },
      // Sec-Fetch-Site speaks only when Origin is withheld, and only "same-origin" counts.
      { host: "console.test", origin: "null", "sec-fetch-site": "same-site" },
      { host: "console.test", "sec-fetch-site": "cross-site" },
      { host: "console.test", origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    ];
    for (const headers of refused) {
      expect(() => assertSameOrigin(request("DELETE", headers)), JSON.stringify(headers)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    }
  });
});
