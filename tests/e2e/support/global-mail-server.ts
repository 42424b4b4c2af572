import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { e2eMailDir, e2eSmtpPort } from "./mail";

/**
 * Playwright global setup: a real SMTP server on loopback that the console
 * under test delivers to (SMTP_URL in playwright.config.ts). Each message
 * lands as an .eml file that tests read and parse.
 */
export default async function startMailServer() {
  rmSync(e2eMailDir, { recursive: true, force: true });
  mkdirSync(e2eMailDir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        writeFileSync(path.join(e2eMailDir, `${Date.now()}-${randomUUID()}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e2eSmtpPort, "127.0.0.1", () => resolve());
  });
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
