import { deriveKey, keyRing, open, seal, type KeyRing } from "@/lib/crypto/seal";

/** HKDF's purpose label: the email-token key is AUTH_SECRET's, for this use only. */
export const EMAIL_TOKEN_PURPOSE = "roster/email-token/v1";

let cached: { secrets: string; ring: KeyRing } | undefined;

/**
 * The keys that seal enrollment tokens in queued email: derived from
 * AUTH_SECRET (which seals) and AUTH_SECRET_PREVIOUS (an earlier value, which
 * only opens, while messages queued before a rotation are still going out).
 * Throws when AUTH_SECRET is unset: no message may be queued or sent then.
 */
export function emailTokenKeys(env: Record<string, string | undefined> = process.env): KeyRing {
  const current = env.AUTH_SECRET;
  if (!current) {
    throw new Error("AUTH_SECRET is not set: it derives the key that seals the enrollment links of queued email. `npm start` sets it from ./data/auth-secret; set the same value on every instance.");
  }
  const previous = env.AUTH_SECRET_PREVIOUS ?? "";
  const secrets = `${current}\n${previous}`;
  if (cached?.secrets !== secrets) {
    const older = previous ? [deriveKey(previous, EMAIL_TOKEN_PURPOSE)] : [];
    cached = { secrets, ring: keyRing(deriveKey(current, EMAIL_TOKEN_PURPOSE), ...older) };
  }
  return cached.ring;
}

/** Seals a message's enrollment token, bound to the message id (a sealed value copied to another row does not open). */
export function sealEmailToken(token: string, messageId: string, ring = emailTokenKeys()): string {
  return seal(token, ring, `email-token:${messageId}`);
}

/** Opens the token `sealEmailToken` sealed for this message; throws SealError when it cannot. */
export function openEmailToken(sealed: string, messageId: string, ring = emailTokenKeys()): string {
  return open(sealed, ring, `email-token:${messageId}`);
}
