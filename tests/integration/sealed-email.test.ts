import { once } from "node:events";
import type net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Permission } from "@/lib/auth/permissions";
import { deriveKey, keyRing, seal } from "@/lib/crypto/seal";
import { sha256 } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import { findTokenForPage } from "@/lib/enrollment/tokens";
import { deliverDue } from "@/lib/mail/outbox";
import { canReadMessageBodies, readEmailMessageBody } from "@/lib/mail/read-message";
import { LINK_HIDDEN } from "@/lib/mail/render-message";
import { resendEmail } from "@/lib/mail/resend-email";
import { EMAIL_TOKEN_PURPOSE } from "@/lib/mail/token-seal";
import { createTransport, type MailTransport } from "@/lib/mail/transport";
import { sendInstructions } from "@/lib/users/send-instructions";
import { consoleContextFor, createUsers, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";
import { linkToken } from "../support/mail";

const baseUrl = "https://roster.example";

type Inbox = { port: number; messages: ParsedMail[]; close: () => Promise<void> };

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
async function startInbox(): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => { messages.push(mail); callback(); }, callback);
    },
  });
  const listener = server.listen(0, "127.0.0.1");
  await once(listener, "listening");
  return { port: (listener.address() as net.AddressInfo).port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function smtpInbox(): Promise<{ inbox: Inbox; transport: MailTransport }> {
  const inbox = await startInbox();
  cleanups.push(inbox.close);
  const transport = createTransport(`smtp://127.0.0.1:${inbox.port}`);
  cleanups.push(() => transport.close());
  return { inbox, transport };
}

/** Every column of every EmailMessage row, read with SQL (the client's `omit` cannot hide one), as text. */
async function everyEmailCell(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "EmailMessage"`);
  expect(rows.length).toBeGreaterThan(0);
  expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["params", "sealedToken", "subject"]));
  return rows.flatMap((row) => Object.values(row).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ""))));
}

/** Fails when any cell holds one of the tokens, or any `/enroll/` followed by something token-shaped. */
function expectNoUsableLink(cells: string[], tokens: string[]): void {
  expect(tokens.length).toBeGreaterThan(0);
  for (const cell of cells) {
    for (const token of tokens) expect(cell).not.toContain(token);
    expect(cell).not.toMatch(/\/enroll\/[A-Za-z0-9_-]{10,}/);
    expect(cell).not.toMatch(/%2Fenroll%2F/i);
  }
}

function tokenOf(mail: ParsedMail): string {
  const fromText = linkToken(mail.text, baseUrl);
  expect(fromText).toBeDefined();
  // The button and the text link carry the same token.
  expect(mail.html).toContain(`href="${baseUrl}/enroll/${fromText}"`);
  return fromText!;
}

describe.each(testProviders)("sealed links in queued email on %s", (provider) => {
  const db = testDb(provider);

  async function setup(count = 3) {
    const made = await createWorkspace(db, { name: "Sealed & Co" });
    const ctx = await consoleContextFor(db, made.admin.id);
    const { userIds } = await createUsers(db, made.workspace.id, count, { roleId: made.roles.user });
    return { ...made, ctx, userIds };
  }

  it("sends working links over SMTP while no EmailMessage row ever holds a usable link or token", async () => {
    const { workspace, ctx, userIds } = await setup();
    const { inbox, transport } = await smtpInbox();
    await sendInstructions(ctx, { userIds }, { baseUrl });

    const queued = await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, select: { id: true, userId: true, params: true, sealedToken: true, status: true } });
    expect(queued).toHaveLength(3);
    for (const row of queued) {
      expect(row.status).toBe("QUEUED");
      expect(row.sealedToken).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      expect(Object.keys(JSON.parse(row.params)).sort()).toEqual(["baseUrl", "companyName", "name"]);
    }
    // The client leaves the sealed token out unless a query names it.
    expect(Object.keys((await db.emailMessage.findFirstOrThrow({ where: { workspaceId: workspace.id } })))).not.toContain("sealedToken");
    const beforeSending = await everyEmailCell(db);

    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(inbox.messages).toHaveLength(3);
    const tokens: string[] = [];
    for (const mail of inbox.messages) {
      const token = tokenOf(mail);
      tokens.push(token);
      const stored = await db.enrollmentToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
      const message = queued.find((m) => m.id === String(mail.headers.get("x-entity-ref-id")))!;
      expect(stored).toMatchObject({ workspaceId: workspace.id, userId: message.userId, revokedAt: null });
      expect((await findTokenForPage(db, token)).status).toBe("valid");
    }
    expect(new Set(tokens).size).toBe(3);

    // Queued, the rows held only the sealed form; sent, they hold nothing that leads to the link.
    expectNoUsableLink(beforeSending, tokens);
    expectNoUsableLink(await everyEmailCell(db), tokens);
    const sent = await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, select: { status: true, sealedToken: true } });
    expect(sent).toEqual([0, 1, 2].map(() => ({ status: "SENT", sealedToken: null })));
    // The console shows a sent message without its link.
    const body = await readEmailMessageBody(ctx, queued[0].id);
    expect(body).toMatchObject({ link: "hidden" });
    expect(body!.text).toContain(LINK_HIDDEN);
    expectNoUsableLink([body!.html, body!.text], tokens);
  });

  it("Resend sends a new working link and revokes nothing", async () => {
    const { workspace, ctx, userIds } = await setup(1);
    const { inbox, transport } = await smtpInbox();
    await sendInstructions(ctx, { userIds }, { baseUrl });
    await deliverDue(db, transport, { workspaceId: workspace.id });
    const first = tokenOf(inbox.messages[0]);
    const original = await db.emailMessage.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });

    const { id } = await resendEmail(ctx, original.id, { baseUrl });
    expect(id).not.toBe(original.id);
    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(inbox.messages).toHaveLength(2);
    const second = tokenOf(inbox.messages[1]);
    expect(second).not.toBe(first);
    expect(String(inbox.messages[1].headers.get("x-entity-ref-id"))).toBe(id);
    const stored = await db.enrollmentToken.findUniqueOrThrow({ where: { tokenHash: sha256(second) } });
    expect(stored).toMatchObject({ userId: userIds[0], createdById: ctx.user.id, revokedAt: null });
    // Both links work: the earlier one was delivered and stays valid.
    expect((await findTokenForPage(db, first)).status).toBe("valid");
    expect((await findTokenForPage(db, second)).status).toBe("valid");
    expectNoUsableLink(await everyEmailCell(db), [first, second]);
  });

  it("fails a message whose sealed token was altered or moved from another row, with a clear reason and nothing sent", async () => {
    const { workspace, ctx, userIds } = await setup(2);
    const { inbox, transport } = await smtpInbox();
    await sendInstructions(ctx, { userIds }, { baseUrl });
    const [a, b] = await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" }, select: { id: true, sealedToken: true } });
    const parts = a.sealedToken!.split(".");
    const data = Buffer.from(parts[3], "base64url");
    data[0] ^= 1;
    parts[3] = data.toString("base64url");
    await db.emailMessage.update({ where: { id: a.id }, data: { sealedToken: parts.join(".") } });
    await db.$executeRawUnsafe(`UPDATE "EmailMessage" SET "sealedToken" = (SELECT "sealedToken" FROM "EmailMessage" WHERE "id" = '${a.id}') WHERE "id" = '${b.id}'`);

    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 0, failed: 2, retried: 0 });
    expect(inbox.messages).toHaveLength(0);
    for (const id of [a.id, b.id]) {
      const row = await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true, lastError: true, sealedToken: true, attempts: true } });
      expect(row).toMatchObject({ status: "FAILED", sealedToken: null, attempts: 1 });
      expect(row.lastError).toMatch(/sealed enrollment link did not open.*Resend/);
    }
    // Resend still works: a new token, sealed afresh.
    await resendEmail(ctx, a.id, { baseUrl });
    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toMatchObject({ sent: 1 });
    expect((await findTokenForPage(db, tokenOf(inbox.messages[0]))).status).toBe("valid");
  });

  it("retries a message sealed under a key this instance lacks, and opens it with AUTH_SECRET_PREVIOUS after a rotation", async () => {
    const { workspace, ctx, userIds } = await setup(1);
    const { inbox, transport } = await smtpInbox();
    await sendInstructions(ctx, { userIds }, { baseUrl });
    const row = await db.emailMessage.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });
    const oldSecret = "an-earlier-auth-secret-0123456789";
    const sealedBefore = seal("AAAAAAAAAAAAAAAAAAAAAA", keyRing(deriveKey(oldSecret, EMAIL_TOKEN_PURPOSE)), `email-token:${row.id}`);
    await db.emailMessage.update({ where: { id: row.id }, data: { sealedToken: sealedBefore } });

    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await db.emailMessage.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, lastError: true, sealedToken: true, nextAttemptAt: true } });
    expect(waiting).toMatchObject({ status: "QUEUED", sealedToken: sealedBefore });
    expect(waiting.lastError).toMatch(/another AUTH_SECRET.*AUTH_SECRET_PREVIOUS/);

    process.env.AUTH_SECRET_PREVIOUS = oldSecret;
    try {
      const later = new Date(waiting.nextAttemptAt.getTime() + 1000);
      expect(await deliverDue(db, transport, { workspaceId: workspace.id, now: later })).toEqual({ sent: 1, failed: 0, retried: 0 });
    } finally {
      delete process.env.AUTH_SECRET_PREVIOUS;
    }
    expect(linkToken(inbox.messages[0].text, baseUrl)).toBe("AAAAAAAAAAAAAAAAAAAAAA");
  });

  it("without AUTH_SECRET neither queues nor sends, and says why", async () => {
    const { workspace, ctx, userIds } = await setup(1);
    const { inbox, transport } = await smtpInbox();
    await sendInstructions(ctx, { userIds }, { baseUrl });
    const secret = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      await expect(sendInstructions(ctx, { userIds }, { baseUrl })).rejects.toThrow(/AUTH_SECRET is not set/);
      await expect(deliverDue(db, transport, { workspaceId: workspace.id })).rejects.toThrow(/AUTH_SECRET is not set/);
    } finally {
      process.env.AUTH_SECRET = secret;
    }
    // Nothing was claimed or burnt: the message goes out once the secret is back.
    expect(await db.emailMessage.findMany({ where: { workspaceId: workspace.id }, select: { status: true, attempts: true } })).toEqual([{ status: "QUEUED", attempts: 0 }]);
    expect(await deliverDue(db, transport, { workspaceId: workspace.id })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(inbox.messages).toHaveLength(1);
  });

  it("the local mailbox keeps the sealed token, so the Mailbox shows a working link, to roles that may send instructions only", async () => {
    const { workspace, ctx, userIds } = await setup(1);
    await sendInstructions(ctx, { userIds }, { baseUrl });
    expect(await deliverDue(db, createTransport(""), { workspaceId: workspace.id })).toEqual({ sent: 1, failed: 0, retried: 0 });
    const row = await db.emailMessage.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true, status: true, sealedToken: true } });
    expect(row.status).toBe("SENT");
    expect(row.sealedToken).toMatch(/^v1\./);

    const body = await readEmailMessageBody(ctx, row.id);
    expect(body).toMatchObject({ link: "shown", note: null });
    const token = linkToken(body!.text, baseUrl)!;
    expect(body!.html).toContain(`href="${baseUrl}/enroll/${token}"`);
    expect((await db.enrollmentToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).userId).toBe(userIds[0]);
    // Even so, the row holds the token only sealed; and who saw the working link is on record.
    expectNoUsableLink(await everyEmailCell(db), [token]);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "email.link_view", targetId: row.id, actorId: ctx.user.id } })).toBe(1);

    const reader = { ...ctx, permissions: new Set<Permission>(["users.read"]) };
    expect(canReadMessageBodies(reader)).toBe(false);
    expect(await readEmailMessageBody(reader, row.id)).toBeNull();
    expect(canReadMessageBodies(ctx)).toBe(true);
    // Another workspace's admin reads nothing of it.
    const other = await createWorkspace(db);
    expect(await readEmailMessageBody(await consoleContextFor(db, other.admin.id), row.id)).toBeNull();
  });
});
