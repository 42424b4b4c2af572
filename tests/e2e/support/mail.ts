import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/** Where the loopback SMTP server of the e2e run writes what it receives. */
export const e2eSmtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const e2eMailDir = process.env.E2E_MAIL_DIR ?? path.join(os.tmpdir(), `roster-e2e-mail-${e2eSmtpPort}`);

/** Every message received so far for an address, parsed. */
export async function messagesTo(address: string): Promise<ParsedMail[]> {
  const parsed = await Promise.all(
    readdirSync(e2eMailDir)
      .filter((f) => f.endsWith(".eml"))
      .map((f) => simpleParser(readFileSync(path.join(e2eMailDir, f)))),
  );
  const wanted = address.toLowerCase();
  return parsed.filter((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((t) => t.value.some((v) => v.address?.toLowerCase() === wanted)));
}
