import { randomBytes, randomUUID } from "node:crypto";

let counter = randomBytes(2).readUInt16BE(0);

/**
 * An id in the shape Prisma's cuid() gives (lower-case, starts with a
 * letter, ~25 characters), for rows written by the bulk-insert helper.
 */
export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(9, "0");
  // randomUUID draws from Node's entropy cache; a randomBytes call per id was a measurable share of bulk imports.
  // The first 11 hex digits of a v4 UUID are all random (its version digit is the 13th).
  const uuid = randomUUID();
  return `c${time}${counter.toString(36).padStart(4, "0")}${uuid.slice(0, 8)}${uuid.slice(9, 12)}`;
}
