import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Authenticated encryption for a secret that must be recovered later (the
 * token of a queued email's link): AES-256-GCM with a random 96-bit IV.
 *
 * A sealed value is `v1.<key id>.<iv>.<ciphertext + tag>` (base64url parts).
 * `v1` names this format; the key id names the key, so a key ring holding the
 * current key and earlier ones opens values sealed before a rotation, and a
 * value sealed under a key the ring lacks is told apart from a tampered one.
 * The key id is an HMAC of the key, which says nothing about the key itself.
 * Optional associated data binds a value to its place (e.g. a message id): a
 * value copied to another row does not open there.
 */
export type SealKey = { id: string; key: Buffer };

/** Keys to seal with (`current`) and to open with (`current` and any older ones). */
export type KeyRing = { current: SealKey; all: readonly SealKey[] };

export type SealErrorCode = "MALFORMED" | "UNKNOWN_KEY" | "TAMPERED";

/** Why a sealed value did not open. */
export class SealError extends Error {
  constructor(
    readonly code: SealErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SealError";
  }
}

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 256-bit key for one purpose, derived from a configured secret with HKDF-SHA256 (the purpose is HKDF's info). */
export function deriveKey(secret: string, purpose: string): SealKey {
  if (!secret) throw new Error("deriveKey: the secret is empty");
  const key = Buffer.from(hkdfSync("sha256", secret, "roster", purpose, 32));
  return { id: createHmac("sha256", key).update("roster key id").digest("base64url").slice(0, 8), key };
}

/** A ring whose first key seals and whose every key opens. */
export function keyRing(current: SealKey, ...older: SealKey[]): KeyRing {
  return { current, all: [current, ...older.filter((k) => k.id !== current.id)] };
}

/** Encrypts `plaintext` under the ring's current key. */
export function seal(plaintext: string, ring: KeyRing, associatedData = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${ring.current.id}.${iv.toString("base64url")}.${data.toString("base64url")}`;
}

/** Decrypts a value from `seal`; throws SealError when it is malformed, sealed under a key the ring lacks, or altered. */
export function open(sealed: string, ring: KeyRing, associatedData = ""): string {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new SealError("MALFORMED", `not a ${FORMAT} sealed value`);
  const [, keyId, ivText, dataText] = parts;
  const key = ring.all.find((k) => k.id === keyId);
  if (!key) throw new SealError("UNKNOWN_KEY", `sealed under key ${keyId}, which this configuration does not hold`);
  const iv = Buffer.from(ivText, "base64url");
  const data = Buffer.from(dataText, "base64url");
  // Node's base64 decoder skips stray characters; only the canonical text of these bytes is accepted.
  if (iv.length !== IV_BYTES || data.length < TAG_BYTES || iv.toString("base64url") !== ivText || data.toString("base64url") !== dataText) {
    throw new SealError("MALFORMED", "the sealed value is truncated or not base64url");
  }
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("TAMPERED", "the sealed value failed authentication (altered, or sealed for another place)");
  }
}
