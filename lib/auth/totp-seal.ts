import { deriveKey, keyRing, open, seal, type KeyRing } from "@/lib/crypto/seal";

/** HKDF's purpose label: the TOTP-seed key is AUTH_SECRET's, for this use only. */
export const TOTP_SEED_PURPOSE = "roster/totp-seed/v1";

let cached: { secrets: string; ring: KeyRing } | undefined;

/**
 * The keys that seal TOTP seeds at rest: derived (HKDF-SHA256) from
 * AUTH_SECRET, which seals and opens, and AUTH_SECRET_PREVIOUS, which only
 * opens, as for queued email (lib/mail/token-seal.ts). A seed cannot be
 * hashed: the server must compute the codes from it.
 */
export function totpSeedKeys(env: Record<string, string | undefined> = process.env): KeyRing {
  const current = env.AUTH_SECRET;
  if (!current) throw new Error("AUTH_SECRET is not set: it derives the key that seals TOTP seeds. `npm start` sets it from ./data/auth-secret.");
  const previous = env.AUTH_SECRET_PREVIOUS ?? "";
  const secrets = `${current}\n${previous}`;
  if (cached?.secrets !== secrets) {
    cached = { secrets, ring: keyRing(deriveKey(current, TOTP_SEED_PURPOSE), ...(previous ? [deriveKey(previous, TOTP_SEED_PURPOSE)] : [])) };
  }
  return cached.ring;
}

/** Seals a user's base32 seed, bound to the user (a sealed seed copied to another user's row does not open). */
export function sealTotpSeed(base32: string, userId: string, ring = totpSeedKeys()): string {
  return seal(base32, ring, `totp-seed:${userId}`);
}

/** Opens a seed sealed by `sealTotpSeed`; throws SealError when it cannot. */
export function openTotpSeed(sealed: string, userId: string, ring = totpSeedKeys()): string {
  return open(sealed, ring, `totp-seed:${userId}`);
}

/** The seed sealed again under the current key when it was sealed under an older one (after AUTH_SECRET changed), else null. */
export function resealedTotpSeed(sealed: string, userId: string, ring = totpSeedKeys()): string | null {
  if (sealed.split(".")[1] === ring.current.id) return null;
  return sealTotpSeed(openTotpSeed(sealed, userId, ring), userId, ring);
}
