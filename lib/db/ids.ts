import { randomBytes } from "node:crypto";

let counter = randomBytes(2).readUInt16BE(0);

/**
 * An id in the shape Prisma's cuid() gives (lower-case, starts with a
 * letter, ~25 characters), for rows written by the bulk-insert helper.
 */
export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  const time = Date.now().toString(36).padStart(9, "0");
  return `c${time}${counter.toString(36).padStart(4, "0")}${randomBytes(8).toString("hex").slice(0, 11)}`;
}
