import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { pageLinks, pageParam } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import { can, requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { EmailAddress } from "@/components/email-address";
import { LocalTime } from "@/components/local-time";
import { emailKindLabels, listEmailMessages } from "@/lib/mail/list-messages";
import { canReadMessageBodies } from "@/lib/mail/read-message";
import { MessageStatus } from "./message-status";
import { ResendButton } from "./resend-button";
import { SendNowButton } from "./send-now-button";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireConsolePage("page /console/mailbox");
  const page = pageParam((await searchParams).page);
  const messages = await listEmailMessages(ctx.db, ctx.workspace.id, page);
  const canResend = can(ctx, "resendEmailAction");
  const local = !process.env.SMTP_URL;
  const bodies = canReadMessageBodies(ctx);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          !bodies
            ? `${plural(messages.total, "message")}: who they went to and how delivery went. Message bodies are shown only to roles that may send instructions.`
            : local
              ? `${plural(messages.total, "message")}. No SMTP server is configured, so nothing leaves this machine: open a message to read it and follow its links.`
              : `${plural(messages.total, "message")} sent or waiting to be sent by the console. Sent messages keep no usable link; Resend sends a new message with a new link.`
        }
      />
      {messages.rows.length === 0 ? (
        <EmptyState title="No messages yet">Instructions emailed to users appear here with their delivery status.</EmptyState>
      ) : (
        <>
          <DataTable
            caption="Messages"
            headers={["To", "Subject", "Kind", "Status", "Attempts", "Created", ...(canResend ? ["Actions"] : [])]}
            rows={messages.rows.map((m) => ({
              key: m.id,
              cells: [
                // Wraps after the @ first, and never widens the page: the table scrolls in its box.
                <EmailAddress key="to" address={m.to} fit="column" />,
                <Link key="s" href={`/console/mailbox/${m.id}`} className="text-brand-700 hover:underline">{m.subject || "(no subject)"}</Link>,
                emailKindLabels[m.kind] ?? m.kind,
                <MessageStatus key="st" row={m} now={now} />,
                formatCount(m.attempts),
                <LocalTime key="c" date={m.createdAt} />,
                ...(canResend
                  ? [
                      m.status === "SENT" || m.status === "FAILED" ? (
                        <ResendButton key="r" id={m.id} to={m.to} />
                      ) : waitingToRetry(m, now) ? (
                        <SendNowButton key="n" id={m.id} to={m.to} />
                      ) : null,
                    ]
                  : []),
              ],
            }))}
          />
          <Pagination label={`Page ${formatCount(messages.page)} of ${formatCount(messages.pages)}`} {...pageLinks("/console/mailbox", messages.page, messages.pages)} />
        </>
      )}
    </>
  );
}

/** A message that failed an attempt and waits for its next one. */
function waitingToRetry(m: { status: string; attempts: number; nextAttemptAt: Date }, now: Date): boolean {
  return m.status === "QUEUED" && m.attempts > 0 && m.nextAttemptAt > now;
}
