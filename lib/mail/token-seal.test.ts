import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/crypto/seal";
import { EMAIL_TOKEN_PURPOSE, emailTokenKeys, openEmailToken, sealEmailToken } from "./token-seal";

describe("email-token keys", () => {
  it("are derived from AUTH_SECRET for this purpose only, with AUTH_SECRET_PREVIOUS opening but never sealing", () => {
    const ring = emailTokenKeys({ AUTH_SECRET: "current-secret" });
    expect(ring.current).toEqual(deriveKey("current-secret", EMAIL_TOKEN_PURPOSE));
    expect(ring.current.key.equals(Buffer.from("current-secret"))).toBe(false);
    expect(ring.all).toHaveLength(1);

    const rotated = emailTokenKeys({ AUTH_SECRET: "new-secret", AUTH_SECRET_PREVIOUS: "current-secret" });
    expect(rotated.current.id).toBe(deriveKey("new-secret", EMAIL_TOKEN_PURPOSE).id);
    expect(rotated.all.map((k) => k.id)).toEqual([rotated.current.id, ring.current.id]);
    const before = sealEmailToken("tok-1234567890", "message-1", ring);
    expect(openEmailToken(before, "message-1", rotated)).toBe("tok-1234567890");
    expect(sealEmailToken("tok-1234567890", "message-1", rotated).split(".")[1]).toBe(rotated.current.id);
  });

  it("bind a sealed token to its message", () => {
    const ring = emailTokenKeys({ AUTH_SECRET: "current-secret" });
    const sealed = sealEmailToken("tok-1234567890", "message-1", ring);
    expect(() => openEmailToken(sealed, "message-2", ring)).toThrow(/failed authentication/);
  });

  it("say clearly that AUTH_SECRET is missing", () => {
    expect(() => emailTokenKeys({})).toThrow(/^AUTH_SECRET is not set: it derives the key that seals the enrollment links/);
    expect(() => emailTokenKeys({ AUTH_SECRET: "" })).toThrow(/AUTH_SECRET is not set/);
  });
});
