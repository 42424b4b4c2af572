import { randomInt } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";

/** How many recovery codes a user gets when 2FA is enabled. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/l/i: a code copied from paper reads one way only. 31 symbols × 10 = about 50 bits.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten fresh codes, as shown once: `xxxxx-xxxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A typed code as stored: lower case, without spaces or dashes. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

/** Whether typed text looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(input)) && !/^\d+$/.test(normalizeRecoveryCode(input));
}

/** argon2id hashes of the codes (slow on purpose: computed before the transaction that stores them). */
export function hashRecoveryCodes(codes: string[]): Promise<string[]> {
  return Promise.all(codes.map((c) => hashPassword(normalizeRecoveryCode(c))));
}

/** Replaces a user's recovery codes with these hashes. */
export async function storeRecoveryCodes(tx: Tx, user: { id: string; workspaceId: string }, hashes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { workspaceId: user.workspaceId, userId: user.id } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ workspaceId: user.workspaceId, userId: user.id, codeHash })) });
}

/**
 * Uses one of the user's recovery codes: true when the code matched an
 * unused one, which is deleted in the same step. The delete is the
 * condition: of two requests with the same code, only the one whose delete
 * removed the row succeeds.
 */
export async function redeemRecoveryCode(db: Db | Tx, user: { id: string; workspaceId: string }, input: string): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!/^[a-z0-9]{10}$/.test(code)) return false;
  const rows = await db.recoveryCode.findMany({ where: { workspaceId: user.workspaceId, userId: user.id }, select: { id: true, codeHash: true } });
  for (const row of rows) {
    if (await verifyPassword(row.codeHash, code)) {
      const { count } = await db.recoveryCode.deleteMany({ where: { id: row.id, workspaceId: user.workspaceId } });
      return count === 1;
    }
  }
  return false;
}

/** How many unused recovery codes a user has left. */
export function recoveryCodesLeft(db: Db, user: { id: string; workspaceId: string }): Promise<number> {
  return db.recoveryCode.count({ where: { workspaceId: user.workspaceId, userId: user.id } });
}
