import net from "node:net";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";

/** One message as the outbox hands it to a transport. */
export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

/** Where the outbox delivers: an SMTP server, or the console's own mailbox. */
export type MailTransport = {
  readonly kind: "smtp" | "mailbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** Pooled connections, so a batch is sent over a few open sessions rather than one handshake per message. */
const poolDefaults: Record<string, string> = {
  pool: "true",
  maxConnections: "5",
  maxMessages: "1000",
  connectionTimeout: "30000",
  greetingTimeout: "30000",
  socketTimeout: "60000",
};

/**
 * The transport `SMTP_URL` names, in nodemailer's URL form
 * (`smtp://user:pass@host:587`, `smtps://user:pass@host:465`; query
 * parameters such as `?maxConnections=10` override the pool defaults).
 * Without it, a mailbox transport: nothing leaves the machine, rows are
 * marked sent (keeping their sealed tokens) and the console's Mailbox page
 * renders them with their links, so the whole flow can be tried on one machine.
 */
export function createTransport(smtpUrl: string | undefined = process.env.SMTP_URL): MailTransport {
  if (!smtpUrl) return { kind: "mailbox", send: async () => {}, close: () => {} };
  const url = parseSmtpUrl(smtpUrl);
  for (const [key, value] of Object.entries(poolDefaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  const transporter = nodemailer.createTransport({ ...parseConnectionUrl(url.toString()), pool: true, getSocket: connectNoDelay });
  return {
    kind: "smtp",
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

/**
 * Opens the TCP connection for nodemailer with Nagle's algorithm off.
 * nodemailer leaves it on, and the small final write of each message
 * ("\r\n.\r\n") then waits for the server's delayed ACK: about 40 ms per
 * message per connection, capping a pool of five at ~100 messages/s. TLS
 * (smtps, STARTTLS) is layered on this socket by nodemailer as usual.
 * When the connection fails we hand back nothing, and nodemailer connects
 * itself: its pool drops a connection only on its own errors (an error from
 * here would leave a dead slot that stalls the pool), and the failure
 * reaches the outbox in nodemailer's usual form.
 */
function connectNoDelay(
  options: { host?: string; port?: number; secure?: boolean; connectionTimeout?: number },
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const socket = net.connect({ host: options.host ?? "localhost", port: options.port ?? (options.secure ? 465 : 587), noDelay: true });
  const fallBack = () => {
    socket.destroy();
    callback(null);
  };
  socket.setTimeout(options.connectionTimeout ?? 30_000, fallBack);
  socket.once("error", fallBack);
  socket.once("connect", () => {
    socket.setTimeout(0);
    socket.removeListener("error", fallBack);
    socket.removeAllListeners("timeout");
    socket.setKeepAlive(true);
    callback(null, { connection: socket });
  });
}

/** The configured transport for logs, with any password replaced. */
export function describeTransport(smtpUrl: string | undefined = process.env.SMTP_URL): string {
  if (!smtpUrl) return "mailbox (SMTP_URL unset: messages are kept for the console's Mailbox page, nothing is sent)";
  try {
    const url = parseSmtpUrl(smtpUrl);
    if (url.password) url.password = "***";
    for (const key of [...url.searchParams.keys()]) if (/pass|secret|token|key/i.test(key)) url.searchParams.set(key, "***");
    return `SMTP ${url.toString()}`;
  } catch {
    return "SMTP (SMTP_URL is not a valid smtp:// or smtps:// URL)";
  }
}

// URL's own error carries the input, password included; never let it reach a log.
function parseSmtpUrl(smtpUrl: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error("SMTP_URL is not a valid URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  return url;
}
