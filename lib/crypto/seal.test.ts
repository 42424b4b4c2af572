import { describe, expect, it } from "vitest";
import { deriveKey, keyRing, open, seal, SealError } from "./seal";

const purpose = "roster/test/v1";
const current = deriveKey("secret-one-0123456789", purpose);
const ring = keyRing(current);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof SealError ? error.code : `not a SealError: ${String(error)}`;
  }
  return undefined;
}

/** The sealed value with one bit of its `part`-th part's bytes flipped. */
function flip(sealed: string, part: number, byte = 0): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[byte] ^= 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("seal / open (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time and no trace of the plaintext", () => {
    const secret = "Zm9vYmFyYmF6cXV4cXV1eA";
    const a = seal(secret, ring, "message-1");
    const b = seal(secret, ring, "message-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(open(a, ring, "message-1")).toBe(secret);
    expect(open(b, ring, "message-1")).toBe(secret);
    expect(open(seal("", ring), ring)).toBe("");
    expect(open(seal("ünïcødé ✓", ring), ring)).toBe("ünïcødé ✓");
  });

  it("refuses a tampered IV, ciphertext or tag, and other associated data", () => {
    const sealed = seal("the-token-value", ring, "message-1");
    expect(codeOf(() => open(flip(sealed, 2), ring, "message-1"))).toBe("TAMPERED");
    expect(codeOf(() => open(flip(sealed, 3), ring, "message-1"))).toBe("TAMPERED");
    const tagByte = Buffer.from(sealed.split(".")[3], "base64url").length - 1;
    expect(codeOf(() => open(flip(sealed, 3, tagByte), ring, "message-1"))).toBe("TAMPERED");
    expect(codeOf(() => open(sealed, ring, "message-2"))).toBe("TAMPERED");
    expect(codeOf(() => open(sealed, ring, "message-1"))).toBeUndefined();
  });

  it("refuses malformed values", () => {
    const sealed = seal("x", ring);
    expect(codeOf(() => open("", ring))).toBe("MALFORMED");
    expect(codeOf(() => open("plain-token", ring))).toBe("MALFORMED");
    expect(codeOf(() => open(sealed.replace(/^v1\./, "v2."), ring))).toBe("MALFORMED");
    expect(codeOf(() => open(sealed.split(".").slice(0, 3).join("."), ring))).toBe("MALFORMED");
    const [v, k, iv, data] = sealed.split(".");
    expect(codeOf(() => open([v, k, iv.slice(2), data].join("."), ring))).toBe("MALFORMED");
    expect(codeOf(() => open([v, k, iv, data.slice(0, 10)].join("."), ring))).toBe("MALFORMED");
    expect(codeOf(() => open([v, k, iv, `${data}!`].join("."), ring))).toBe("MALFORMED");
  });

  it("does not open with another key, and tells an unknown key from tampering", () => {
    const other = deriveKey("secret-two-0123456789", purpose);
    const sealed = seal("the-token-value", ring);
    expect(codeOf(() => open(sealed, keyRing(other)))).toBe("UNKNOWN_KEY");
    // Another key presented under the right key id fails authentication.
    expect(codeOf(() => open(sealed, keyRing({ id: current.id, key: other.key })))).toBe("TAMPERED");
    // The same secret for another purpose is another key.
    expect(deriveKey("secret-one-0123456789", "roster/other/v1").id).not.toBe(current.id);
    expect(deriveKey("secret-one-0123456789", purpose)).toEqual(current);
  });

  it("names the key in the prefix, so a rotated ring still opens older values and seals with the new key", () => {
    const next = deriveKey("secret-two-0123456789", purpose);
    const old = seal("sealed-before-rotation", ring);
    const rotated = keyRing(next, current);
    expect(old.split(".")[1]).toBe(current.id);
    expect(open(old, rotated)).toBe("sealed-before-rotation");
    const fresh = seal("sealed-after-rotation", rotated);
    expect(fresh.split(".")[1]).toBe(next.id);
    expect(open(fresh, rotated)).toBe("sealed-after-rotation");
    expect(codeOf(() => open(fresh, ring))).toBe("UNKNOWN_KEY");
    expect(keyRing(current, current).all).toHaveLength(1);
  });

  it("refuses to derive a key from an empty secret", () => {
    expect(() => deriveKey("", purpose)).toThrow(/empty/);
  });
});
