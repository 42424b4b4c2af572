import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random token carrying 128 bits of entropy. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

/** SHA-256 in hex: how tokens and session ids are stored at rest. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
