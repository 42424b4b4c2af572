import { HOTP, Secret, TOTP } from "otpauth";
import type { Db, Tx } from "@/lib/db/client";

/**
 * TOTP (RFC 6238) on the `otpauth` library: 6 digits, 30-second steps,
 * HMAC-SHA1 (what every authenticator app speaks). A code of the previous,
 * current or next step is accepted, so a phone clock a little off still
 * works; a step once accepted is never accepted again for that user
 * (`consumeTotpStep`). Time always comes in as `now`, so tests move it
 * instead of sleeping.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of the current one that are accepted. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Roster";

export type OtpAlgorithm = "SHA1" | "SHA256" | "SHA512";

/** A new random seed (160 bits, RFC 4226's recommended length), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The base32 key grouped in fours, as it is shown for typing by hand. */
export function formatTotpKey(base32: string): string {
  return base32.replace(/(.{4})/g, "$1 ").trim();
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(base32: string, account: string): string {
  return new TOTP({ issuer: TOTP_ISSUER, label: account, secret: Secret.fromBase32(base32), digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, algorithm: "SHA1" }).toString();
}

/** The time step a moment falls in (unix seconds / 30, rounded down). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a step, from raw seed bytes; `digits` and `algorithm` are the RFC test vectors' knobs. */
export function totpCodeAt(secret: Uint8Array, now: Date, opts: { digits?: number; algorithm?: OtpAlgorithm } = {}): string {
  return TOTP.generate({ secret: new Secret({ buffer: toArrayBuffer(secret) }), timestamp: now.getTime(), period: TOTP_PERIOD_SECONDS, digits: opts.digits ?? TOTP_DIGITS, algorithm: opts.algorithm ?? "SHA1" });
}

/** The HOTP (RFC 4226) code for a counter, from raw seed bytes. */
export function hotpCode(secret: Uint8Array, counter: number, digits = 6): string {
  return HOTP.generate({ secret: new Secret({ buffer: toArrayBuffer(secret) }), counter, digits, algorithm: "SHA1" });
}

/** The code for a base32 seed at a moment (tests and the setup page's self-check). */
export function totpCode(base32: string, now: Date): string {
  return totpCodeAt(Secret.fromBase32(base32).bytes, now);
}

/** Which step within the window a typed code belongs to, or null when it matches none. Spaces are ignored. */
export function matchTotpStep(base32: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  const delta = TOTP.validate({ token, secret: Secret.fromBase32(base32), timestamp: now.getTime(), period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS, algorithm: "SHA1", window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}

/**
 * Records `step` as the user's last accepted one, only when it is later than
 * the last: a conditional update, so of two requests carrying the same code
 * at once exactly one wins. False means the code (or a later one) was used.
 */
export async function consumeTotpStep(db: Db | Tx, user: { id: string; workspaceId: string }, step: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: user.id, workspaceId: user.workspaceId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
