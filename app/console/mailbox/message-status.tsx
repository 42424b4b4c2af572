import { LocalTime } from "@/components/local-time";

type StatusRow = { status: "QUEUED" | "SENDING" | "SENT" | "FAILED"; attempts: number; nextAttemptAt: Date; lockedUntil?: Date | null; lastError: string | null; sentAt: Date | null };

/** Queued / Sending / Sent / Failed with its reason / Retrying at …, as one cell; `now` is the request's time. */
export function MessageStatus({ row, now }: { row: StatusRow; now: Date }) {
  switch (row.status) {
    case "SENT":
      return <span className="font-medium text-green-700">Sent{row.sentAt ? <span className="font-normal text-slate-600"> <LocalTime date={row.sentAt} /></span> : null}</span>;
    case "FAILED":
      return (
        <span>
          <span className="font-medium text-red-700">Failed</span>
          {row.lastError ? <span className="block text-xs wrap-anywhere text-slate-600">{row.lastError}</span> : null}
        </span>
      );
    case "SENDING":
      // A worker holds the message until its lease ends; past it (a crash or restart), any instance's worker takes it over.
      if (row.lockedUntil && row.lockedUntil < now) {
        return (
          <span>
            <span className="font-medium text-amber-700">Interrupted</span>
            <span className="block text-xs text-slate-600">Sending stopped (the console restarted or lost its connection); it is retried within a minute.</span>
          </span>
        );
      }
      return (
        <span>
          <span className="text-slate-700">Sending…</span>
          {row.lockedUntil ? <span className="block text-xs text-slate-600">If this does not finish, it is retried after <LocalTime date={row.lockedUntil} />.</span> : null}
        </span>
      );
    default:
      if (row.attempts === 0) return <span className="text-slate-700">Queued</span>;
      return (
        <span>
          <span className="font-medium text-amber-700">Retrying at <LocalTime date={row.nextAttemptAt} /></span>
          {row.lastError ? <span className="block text-xs wrap-anywhere text-slate-600">{row.lastError}</span> : null}
        </span>
      );
  }
}
