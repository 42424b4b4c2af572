import { describe, expect, it } from "vitest";
import { deriveKey, keyRing } from "@/lib/crypto/seal";
import { formatTotpKey, hotpCode, matchTotpStep, newTotpSecret, totpCode, totpCodeAt, totpStep, totpUri } from "./totp";
import { openTotpSeed, resealedTotpSeed, sealTotpSeed } from "./totp-seal";

const ascii = (s: string) => new TextEncoder().encode(s);
// RFC 6238 Appendix B: the seed of each algorithm is the ASCII digits repeated to its HMAC's key length.
const seeds = {
  SHA1: ascii("12345678901234567890"),
  SHA256: ascii("12345678901234567890123456789012"),
  SHA512: ascii("1234567890123456789012345678901234567890123456789012345678901234"),
};

describe("RFC 6238 Appendix B test vectors (8 digits)", () => {
  const vectors: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  it.each(vectors)("T = %i s", (seconds, sha1, sha256, sha512) => {
    const now = new Date(seconds * 1000);
    expect(totpCodeAt(seeds.SHA1, now, { digits: 8, algorithm: "SHA1" })).toBe(sha1);
    expect(totpCodeAt(seeds.SHA256, now, { digits: 8, algorithm: "SHA256" })).toBe(sha256);
    expect(totpCodeAt(seeds.SHA512, now, { digits: 8, algorithm: "SHA512" })).toBe(sha512);
  });
});

describe("RFC 4226 Appendix D test vectors (HOTP)", () => {
  const codes = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
  it.each(codes.map((c, i) => [i, c] as const))("count %i", (counter, code) => {
    expect(hotpCode(seeds.SHA1, counter)).toBe(code);
  });
});

describe("the accepted window", () => {
  const secret = newTotpSecret();
  const now = new Date(Date.UTC(2026, 11, 1, 12, 0, 15));
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);

  it("accepts the previous, current and next step, naming the step matched", () => {
    for (const d of [-1, 0, 1]) expect(matchTotpStep(secret, totpCode(secret, at(d)), now)).toBe(totpStep(now) + d);
  });

  it("refuses two steps away either side, another seed's code, and malformed input", () => {
    expect(matchTotpStep(secret, totpCode(secret, at(-2)), now)).toBeNull();
    expect(matchTotpStep(secret, totpCode(secret, at(2)), now)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), totpCode(secret, now), now)).toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5"]) expect(matchTotpStep(secret, bad, now)).toBeNull();
  });

  it("ignores the spaces people type in a code", () => {
    const code = totpCode(secret, now);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStep(now));
  });

  it("makes 160-bit base32 seeds and an otpauth URI apps read", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(formatTotpKey("ABCDEFGHIJKL")).toBe("ABCD EFGH IJKL");
    const uri = new URL(totpUri(secret, "ada@corp.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Roster");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("the seed at rest", () => {
  const ring = keyRing(deriveKey("a test secret", "roster/totp-seed/v1"));
  it("is sealed, opens for its own user only, and never holds the seed in clear", () => {
    const secret = newTotpSecret();
    const sealed = sealTotpSeed(secret, "user-1", ring);
    expect(sealed).not.toContain(secret);
    expect(openTotpSeed(sealed, "user-1", ring)).toBe(secret);
    expect(() => openTotpSeed(sealed, "user-2", ring)).toThrow(/authentication/);
  });

  it("is sealed again under the new key after a rotation, and left alone when current", () => {
    const secret = newTotpSecret();
    const sealed = sealTotpSeed(secret, "user-1", ring);
    expect(resealedTotpSeed(sealed, "user-1", ring)).toBeNull();
    const rotated = keyRing(deriveKey("the next secret", "roster/totp-seed/v1"), ring.current);
    const moved = resealedTotpSeed(sealed, "user-1", rotated)!;
    expect(openTotpSeed(moved, "user-1", keyRing(rotated.current))).toBe(secret);
  });
});
