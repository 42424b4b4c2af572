import { once } from "node:events";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { randomToken } from "@/lib/crypto/tokens";
import { instructionsSubject } from "@/lib/mail/instructions";
import { backoffMs, deliverDue, emailRow, MAX_ATTEMPTS, queueEmail } from "@/lib/mail/outbox";
import { resendEmail } from "@/lib/mail/resend-email";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { createTransport, type MailTransport } from "@/lib/mail/transport";
import { startOutboxWorker } from "@/lib/mail/worker";
import { consoleContextFor, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

type Inbox = { server: SMTPServer; port: number; messages: ParsedMail[]; close: () => Promise<void> };

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
async function startInbox(port = 0, tls: "none" | "starttls" | "implicit" = "none"): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  // smtp-server's built-in self-signed certificate serves the TLS cases.
  const server = new SMTPServer({
    authOptional: true,
    secure: tls === "implicit",
    disabledCommands: tls === "none" ? ["STARTTLS"] : [],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => { messages.push(mail); callback(); }, callback);
    },
  });
  const listener = server.listen(port, "127.0.0.1");
  await once(listener, "listening");
  const address = listener.address() as net.AddressInfo;
  return { server, port: address.port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function smtpTo(port: number): MailTransport {
  const transport = createTransport(`smtp://127.0.0.1:${port}`);
  cleanups.push(() => transport.close());
  return transport;
}

const company = "Outbox & Co";
const params = (name: string) => ({ companyName: company, name, baseUrl: "https://roster.example" });

async function queueThree(db: Db, workspaceId: string, userIds: (string | null)[] = [null, null, null]) {
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const { id } = await queueEmail(db, {
      workspaceId, userId: userIds[n - 1], kind: "instructions", to: `user${n}@corp.example`,
      subject: instructionsSubject(company), params: params(`User <${n}>`), token: randomToken(),
    });
    ids.push(id);
  }
  return ids;
}

const refOf = (mail: ParsedMail) => String(mail.headers.get("x-entity-ref-id") ?? "");

describe.each(testProviders)("email outbox on %s", (provider) => {
  const db = testDb(provider);

  it("delivers queued messages over SMTP with their content and reference header", async () => {
    const { workspace } = await createWorkspace(db);
    const inbox = await startInbox();
    cleanups.push(inbox.close);
    const ids = await queueThree(db, workspace.id);

    const counts = await deliverDue(db, smtpTo(inbox.port), { workspaceId: workspace.id });
    expect(counts).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(inbox.messages).toHaveLength(3);
    for (const [i, id] of ids.entries()) {
      const mail = inbox.messages.find((m) => refOf(m) === id)!;
      expect(mail).toBeDefined();
      expect(mail.subject).toBe(instructionsSubject(company));
      expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).toBe(`user${i + 1}@corp.example`);
      expect(mail.html).toContain(`Hello <!-- -->User &lt;${i + 1}&gt;<!-- -->,`);
      expect(mail.text).toContain(`Hello User <${i + 1}>,`);
      expect(mail.text).toMatch(/https:\/\/roster\.example\/enroll\/[A-Za-z0-9_-]{22}/);
    }
    const rows = await db.emailMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    expect(rows.every((r) => r.sentAt && r.attempts === 1 && r.lockedUntil === null)).toBe(true);
    // Nothing left to do.
    expect(await deliverDue(db, smtpTo(inbox.port), { workspaceId: workspace.id })).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it("keeps messages queued while the server is down and delivers them once it is back", async () => {
    const { workspace } = await createWorkspace(db);
    const port = await closedPort();
    const ids = await queueThree(db, workspace.id);

    const down = await deliverDue(db, smtpTo(port), { workspaceId: workspace.id });
    expect(down).toEqual({ sent: 0, failed: 0, retried: 3 });
    const rows = await db.emailMessage.findMany({ where: { id: { in: ids } } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.status).toBe("QUEUED");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED|refused/i);
      expect(row.lastError).not.toContain("\n");
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }
    // Not due yet: a second run right away sends nothing.
    const inbox = await startInbox(port);
    cleanups.push(inbox.close);
    expect(await deliverDue(db, smtpTo(port), { workspaceId: workspace.id })).toEqual({ sent: 0, failed: 0, retried: 0 });

    const later = new Date(Date.now() + backoffMs(1) + 1000);
    expect(await deliverDue(db, smtpTo(port), { workspaceId: workspace.id, now: later })).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(inbox.messages.map(refOf).sort()).toEqual([...ids].sort());
    const sent = await db.emailMessage.findMany({ where: { id: { in: ids } } });
    expect(sent.every((r) => r.status === "SENT" && r.attempts === 2)).toBe(true);
  });

  it("delivers each message exactly once when several workers run at the same time", async () => {
    const { workspace } = await createWorkspace(db);
    const inbox = await startInbox();
    cleanups.push(inbox.close);
    const rows = Array.from({ length: 60 }, (_, i) => emailRow({
      workspaceId: workspace.id, userId: null, kind: "instructions", to: `u${i}@corp.example`, subject: `S${i}`, params: params(`U${i}`), token: randomToken(),
    }));
    await bulkInsert(db, "EmailMessage", rows);

    const workers = [smtpTo(inbox.port), smtpTo(inbox.port), smtpTo(inbox.port)];
    const runs = await Promise.all(workers.map(async (transport) => {
      let sent = 0;
      for (let round = 0; round < 10; round++) sent += (await deliverDue(db, transport, { workspaceId: workspace.id, batch: 25 })).sent;
      return sent;
    }));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(60);
    const refs = inbox.messages.map(refOf);
    expect(refs).toHaveLength(60);
    expect(new Set(refs).size).toBe(60);
    expect(await db.emailMessage.count({ where: { workspaceId: workspace.id, status: "SENT" } })).toBe(60);
  });

  it("gives up after MAX_ATTEMPTS and marks the message FAILED", async () => {
    const { workspace } = await createWorkspace(db);
    const transport = smtpTo(await closedPort());
    const [id] = await queueThree(db, workspace.id);
    let now = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const counts = await deliverDue(db, transport, { workspaceId: workspace.id, now: new Date(now) });
      expect(counts.sent).toBe(0);
      expect(counts.failed + counts.retried).toBe(3);
      expect(counts.failed).toBe(attempt === MAX_ATTEMPTS ? 3 : 0);
      now += backoffMs(attempt) + 1000;
    }
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.lastError).toBeTruthy();
    expect(await deliverDue(db, transport, { workspaceId: workspace.id, now: new Date(now + 86_400_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it("fails at once when the server refuses the recipient", async () => {
    const { workspace } = await createWorkspace(db);
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error("5.1.1 No such user"), { responseCode: 550 }));
      },
    });
    const listener = server.listen(0, "127.0.0.1");
    await once(listener, "listening");
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const [id] = await queueThree(db, workspace.id);
    const counts = await deliverDue(db, smtpTo((listener.address() as net.AddressInfo).port), { workspaceId: workspace.id });
    expect(counts).toEqual({ sent: 0, failed: 3, retried: 0 });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/No such user/);
  });

  it("takes over a message whose worker died, after its lease", async () => {
    const { workspace } = await createWorkspace(db);
    const inbox = await startInbox();
    cleanups.push(inbox.close);
    const [id] = await queueThree(db, workspace.id);
    await db.emailMessage.update({ where: { id }, data: { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() + 60_000) } });
    expect((await deliverDue(db, smtpTo(inbox.port), { workspaceId: workspace.id })).sent).toBe(2);
    expect(inbox.messages.map(refOf)).not.toContain(id);
    const counts = await deliverDue(db, smtpTo(inbox.port), { workspaceId: workspace.id, now: new Date(Date.now() + 120_000) });
    expect(counts.sent).toBe(1);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(2);

    // A message that took its worker down on every attempt is given up, not sent again.
    await db.emailMessage.update({ where: { id }, data: { status: "SENDING", attempts: MAX_ATTEMPTS, lockedUntil: new Date(Date.now() - 1000) } });
    expect(await deliverDue(db, smtpTo(inbox.port), { workspaceId: workspace.id })).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(inbox.messages).toHaveLength(3);
  });

  it.each(["starttls", "implicit"] as const)("delivers over TLS (%s)", async (tls) => {
    const { workspace } = await createWorkspace(db);
    const inbox = await startInbox(0, tls);
    cleanups.push(inbox.close);
    const ids = await queueThree(db, workspace.id);
    const scheme = tls === "implicit" ? "smtps" : "smtp";
    const transport = createTransport(`${scheme}://127.0.0.1:${inbox.port}?requireTLS=${tls === "starttls"}&tls.rejectUnauthorized=false`);
    cleanups.push(() => transport.close());
    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(inbox.messages.map(refOf).sort()).toEqual([...ids].sort());
  });

  it("the mailbox transport marks messages sent without sending anything", async () => {
    const { workspace } = await createWorkspace(db);
    const ids = await queueThree(db, workspace.id);
    const transport = createTransport("");
    expect(transport.kind).toBe("mailbox");
    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(3);
  });

  it("the worker starts once per process, delivers in the background and stops cleanly", async () => {
    const { workspace } = await createWorkspace(db);
    const inbox = await startInbox();
    cleanups.push(inbox.close);
    const transport = createTransport(`smtp://127.0.0.1:${inbox.port}`);
    const worker = startOutboxWorker({ db, transport, workspaceId: workspace.id, intervalMs: 20 });
    try {
      expect(startOutboxWorker({ db, transport, workspaceId: workspace.id })).toBe(worker);
      const ids = await queueThree(db, workspace.id);
      await expect.poll(() => inbox.messages.length, { timeout: 10_000 }).toBe(3);
      await expect.poll(() => db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(3);
    } finally {
      await worker.stop();
    }
    const again = startOutboxWorker({ db, transport: createTransport(""), workspaceId: workspace.id });
    expect(again).not.toBe(worker);
    await again.stop();
  });

  it("resends within the workspace only, as a new message with a new token, and audits it", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const other = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const { userIds } = await createUsers(db, workspace.id, 3, { roleId: roles.user });
    const [failedId, sentId, queuedId] = await queueThree(db, workspace.id, userIds);
    await db.emailMessage.update({ where: { id: failedId }, data: { status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "boom", sealedToken: null } });
    await db.emailMessage.update({ where: { id: sentId }, data: { status: "SENT", attempts: 1, sentAt: new Date(), sealedToken: null } });
    const [foreignId] = await queueThree(db, other.workspace.id);
    await db.emailMessage.update({ where: { id: foreignId }, data: { status: "FAILED" } });
    const baseUrl = "https://roster.example";

    await expect(resendEmail(ctx, foreignId, { baseUrl })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: foreignId } })).status).toBe("FAILED");
    await expect(resendEmail(ctx, queuedId, { baseUrl })).rejects.toBeInstanceOf(AppError);

    const tokensBefore = await db.enrollmentToken.count({ where: { workspaceId: workspace.id } });
    const copies = [await resendEmail(ctx, failedId, { baseUrl }), await resendEmail(ctx, sentId, { baseUrl })];
    expect(await db.enrollmentToken.count({ where: { workspaceId: workspace.id } })).toBe(tokensBefore + 2);
    for (const [i, originalId] of [failedId, sentId].entries()) {
      const [original, queued] = await Promise.all([
        db.emailMessage.findUniqueOrThrow({ where: { id: originalId } }),
        db.emailMessage.findUniqueOrThrow({ where: { id: copies[i].id }, select: { status: true, workspaceId: true, to: true, subject: true, userId: true, sealedToken: true } }),
      ]);
      // The original stays as the record; the new message carries a new sealed token.
      expect(original.status).toBe(i === 0 ? "FAILED" : "SENT");
      expect(copies[i].id).not.toBe(originalId);
      expect(queued).toMatchObject({ status: "QUEUED", workspaceId: workspace.id, to: original.to, subject: instructionsSubject(workspace.name), userId: original.userId });
      expect(queued.sealedToken).toMatch(/^v1\./);
    }

    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "email.resend" } });
    expect(audit.map((a) => a.targetId).sort()).toEqual(copies.map((c) => c.id).sort());
    expect(await db.auditEvent.count({ where: { workspaceId: other.workspace.id, action: "email.resend" } })).toBe(0);

    // A message whose user is gone cannot get a new link.
    const [orphanId] = await queueThree(db, workspace.id);
    await db.emailMessage.update({ where: { id: orphanId }, data: { status: "SENT" } });
    await expect(resendEmail(ctx, orphanId, { baseUrl })).rejects.toMatchObject({ code: "NOT_FOUND", userMessage: expect.stringContaining("no longer exists") });
  });
});
