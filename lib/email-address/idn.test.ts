import { domainToASCII as nodeToAscii, domainToUnicode as nodeToUnicode } from "node:url";
import { describe, expect, it } from "vitest";
import { asciiSearchForm, displayAddress, domainToAscii, domainToUnicode } from "./idn";
import { validateAddress } from "./validate";

const domains = ["exämple.com", "bücher.de", "例え.テスト", "почта.рф", "mañana.com", "ελληνικά.gr", "sub.exämple.co.uk", "😀.example"];

describe("IDN domains", () => {
  it.each(domains)("%s: to punycode and back, as Node's url module does", (unicode) => {
    const ascii = domainToAscii(unicode);
    expect(ascii).toBe(nodeToAscii(unicode));
    expect(ascii).toMatch(/^[a-z0-9.-]+$/);
    expect(ascii).toContain("xn--");
    expect(domainToUnicode(ascii!)).toBe(nodeToUnicode(ascii!));
    expect(domainToUnicode(ascii!)).toBe(unicode);
  });

  it("known pairs, both ways", () => {
    expect(domainToAscii("exämple.com")).toBe("xn--exmple-cua.com");
    expect(domainToUnicode("xn--exmple-cua.com")).toBe("exämple.com");
    expect(domainToUnicode("XN--BCHER-KVA.de")).toBe("bücher.de");
    expect(domainToAscii("EXÄMPLE.COM")).toBe("xn--exmple-cua.com");
  });

  it("leaves ASCII domains and broken punycode as they are", () => {
    expect(domainToUnicode("corp.example")).toBe("corp.example");
    expect(domainToUnicode("xn--.example")).toBe("xn--.example");
    expect(domainToUnicode("xn--ab$c.example")).toBe("xn--ab$c.example");
    expect(domainToAscii("corp.Example")).toBe("corp.example");
    expect(domainToAscii("bad host.example")).toBeNull();
  });

  it("shows a stored address with its domain in Unicode and stores what people type in punycode", () => {
    expect(displayAddress("jose@xn--exmple-cua.com")).toBe("jose@exämple.com");
    expect(displayAddress("jane@corp.example")).toBe("jane@corp.example");
    expect(displayAddress("not an address")).toBe("not an address");
    const stored = validateAddress(displayAddress("jose@xn--exmple-cua.com"));
    expect(stored).toEqual({ ok: true, email: "jose@xn--exmple-cua.com" });
  });

  it("turns a search with a Unicode domain into the stored form", () => {
    expect(asciiSearchForm("jose@exämple.com")).toBe("jose@xn--exmple-cua.com");
    expect(asciiSearchForm("exämple")).toBe("xn--exmple-cua");
    expect(asciiSearchForm("jane@corp.example")).toBeNull();
    expect(asciiSearchForm("Zoë Ünal")).toBeNull();
  });
});
