import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { EmailAddress } from "@/components/email-address";
import { LocalTime } from "@/components/local-time";
import { PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { formatCount } from "@/lib/format";
import { emailKindLabels, getEmailMessage } from "@/lib/mail/list-messages";
import { mailFrom } from "@/lib/mail/outbox";
import { readEmailMessageBody } from "@/lib/mail/read-message";
import { MessageStatus } from "../message-status";
import { ResendButton } from "../resend-button";
import { SendNowButton } from "../send-now-button";

export const metadata: Metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireConsolePage("page /console/mailbox/[id]");
  const { id } = await params;
  const message = await getEmailMessage(ctx.db, ctx.workspace.id, id);
  if (!message) notFound();
  const now = new Date();
  const canResend = can(ctx, "resendEmailAction") && (message.status === "SENT" || message.status === "FAILED");
  const canSendNow = can(ctx, "sendNowAction") && message.status === "QUEUED" && message.attempts > 0 && message.nextAttemptAt > now;
  const body = await readEmailMessageBody(ctx, message.id);

  const facts: [string, ReactNode][] = [
    ["From", <span key="f" className="wrap-anywhere">{mailFrom()}</span>],
    ["To", <EmailAddress key="t" address={message.to} />],
    ["Kind", emailKindLabels[message.kind] ?? message.kind],
    ["Status", <MessageStatus key="s" row={message} now={now} />],
    ["Attempts", formatCount(message.attempts)],
    ["Created", <LocalTime key="c" date={message.createdAt} />],
  ];

  return (
    <>
      <Breadcrumb parent={{ href: "/console/mailbox", label: "Mailbox" }} current={message.to} />
      <PageHeader title={message.subject || "(no subject)"} actions={canResend ? <ResendButton id={message.id} to={message.to} linkToCopy /> : canSendNow ? <SendNowButton id={message.id} to={message.to} /> : undefined} />
      <dl className="mb-6 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd className="text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
      {body === null ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          Message bodies are shown only to roles that may send instructions, as a message can carry a working enrollment link.
        </p>
      ) : (
        <>
          <h2 className="mb-2 text-lg font-semibold text-ink">Message</h2>
          {body.note ? (
            <p role="note" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{body.note}</p>
          ) : null}
          {/* sandbox="" : no scripts, forms or same-origin access; the HTML came from our template but holds user-entered names. Tall enough for the whole message (a sandboxed frame cannot be measured). */}
          <iframe
            title={`Message to ${message.to}`}
            sandbox=""
            srcDoc={body.html}
            className="h-[1250px] w-full rounded-lg border border-slate-200 bg-white sm:h-[1000px]"
          />
          <h2 className="mt-6 mb-2 text-lg font-semibold text-ink">Text version</h2>
          <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 text-sm whitespace-pre-wrap text-slate-800">{linkify(body.text)}</pre>
        </>
      )}
    </>
  );
}

/**
 * The text with its http(s) addresses as links: the sandboxed preview above
 * cannot open anything, and on a machine without SMTP this page is where a
 * tester follows the enrollment link. The body is rendered on view from the
 * message's parameters; its link is there only while the row keeps the
 * sealed token (queued, or kept by the local mailbox).
 */
function linkify(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} target="_blank" rel="noreferrer" className="text-brand-700 underline">{part}</a>
    ) : (
      part
    ),
  );
}
