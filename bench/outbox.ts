/** Outbox delivery rate: queued messages sent to an SMTP server on loopback by the same loop the worker runs. */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/lib/db/client";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { deliverDue, emailRow } from "@/lib/mail/outbox";
import { instructionsSubject } from "@/lib/mail/instructions";
import { randomToken } from "@/lib/crypto/tokens";
import { createTransport } from "@/lib/mail/transport";
import { createWorkspace } from "@/tests/factories";

export type OutboxBench = { messages: number; queueMs: number; deliverSeconds: number; perSecond: number };

/**
 * Queues `count` instruction emails (parameters and a sealed token each,
 * bulk-inserted in one transaction, as the wizard does) and times their
 * delivery through deliverDue, which renders each from the template rendered
 * once, with an SMTP transport to a loopback smtp-server that accepts and
 * discards them.
 */
export async function benchOutbox(db: Db, count = 2_000): Promise<OutboxBench> {
  const { workspace } = await createWorkspace(db, { name: "Outbox bench" });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => { received++; callback(); });
    },
  });
  const listener = server.listen(0, "127.0.0.1");
  await once(listener, "listening");
  const transport = createTransport(`smtp://127.0.0.1:${(listener.address() as AddressInfo).port}`);
  try {
    let t = performance.now();
    const subject = instructionsSubject("Outbox bench");
    const rows = Array.from({ length: count }, (_, i) => emailRow({
      workspaceId: workspace.id, userId: null, kind: "instructions", to: `bench${i}@corp.example`, subject,
      params: { companyName: "Outbox bench", name: `Bench User ${i}`, baseUrl: "https://roster.example" }, token: randomToken(),
    }));
    await db.$transaction((tx) => bulkInsert(tx, "EmailMessage", rows), { timeout: 60_000 });
    const queueMs = performance.now() - t;

    t = performance.now();
    let sent = 0;
    while (sent < count) {
      const counts = await deliverDue(db, transport, { workspaceId: workspace.id });
      if (counts.sent + counts.failed + counts.retried === 0) throw new Error(`benchOutbox: stalled after ${sent} of ${count}`);
      if (counts.failed + counts.retried > 0) throw new Error("benchOutbox: the loopback server refused messages");
      sent += counts.sent;
    }
    const deliverSeconds = (performance.now() - t) / 1000;
    if (received !== count) throw new Error(`benchOutbox: server received ${received} of ${count}`);
    return { messages: count, queueMs, deliverSeconds, perSecond: count / deliverSeconds };
  } finally {
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.workspace.delete({ where: { id: workspace.id } });
  }
}
