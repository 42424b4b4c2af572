import { formatDateTime } from "@/lib/format";

type StatusRow = { status: "QUEUED" | "SENDING" | "SENT" | "FAILED"; attempts: number; nextAttemptAt: Date; lastError: string | null; sentAt: Date | null };

/** Queued / Sending / Sent / Failed with its reason / Retrying at …, as one cell. */
export function MessageStatus({ row }: { row: StatusRow }) {
  switch (row.status) {
    case "SENT":
      return <span className="font-medium text-green-700">Sent{row.sentAt ? <span className="font-normal text-slate-500"> {formatDateTime(row.sentAt)}</span> : null}</span>;
    case "FAILED":
      return (
        <span>
          <span className="font-medium text-red-700">Failed</span>
          {row.lastError ? <span className="block text-xs break-words text-slate-600">{row.lastError}</span> : null}
        </span>
      );
    case "SENDING":
      return <span className="text-slate-700">Sending…</span>;
    default:
      if (row.attempts === 0) return <span className="text-slate-700">Queued</span>;
      return (
        <span>
          <span className="font-medium text-amber-700">Retrying at {formatDateTime(row.nextAttemptAt)}</span>
          {row.lastError ? <span className="block text-xs break-words text-slate-600">{row.lastError}</span> : null}
        </span>
      );
  }
}
