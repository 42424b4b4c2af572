import { pollLoop } from "@/lib/jobs/poll-loop";
import { unscopedDb, type Db } from "@/lib/db/client";
import { deliverDue } from "./outbox";
import { createTransport, describeTransport, type MailTransport } from "./transport";

export type OutboxWorker = { stop: () => Promise<void> };

const BATCH = 50;
const MAX_ERROR_BACKOFF_MS = 60_000;
const holder = globalThis as unknown as { __rosterOutboxWorker?: OutboxWorker };

/**
 * Starts this process's outbox worker (in the worker process, scripts/worker.ts):
 * it polls for due messages every `intervalMs` (at once again while batches
 * come back full) and delivers them. One per process, however often it is
 * called; several instances may each run one, as claiming is atomic.
 */
export function startOutboxWorker(
  options: {
    intervalMs?: number;
    /** Tests: a database, transport and workspace other than the process's. */
    db?: Db;
    transport?: MailTransport;
    workspaceId?: string;
  } = {},
): OutboxWorker {
  if (holder.__rosterOutboxWorker) return holder.__rosterOutboxWorker;
  const { intervalMs = 1000, workspaceId } = options;
  const transport = options.transport ?? createTransport();
  console.info(`[outbox] worker started, delivering through ${options.transport ? transport.kind : describeTransport()}`);
  if (!process.env.AUTH_SECRET) {
    console.error("[outbox] AUTH_SECRET is not set: queued messages cannot open their sealed enrollment links, so nothing will be sent until it is.");
  }
  if (transport.kind === "smtp" && !process.env.MAIL_FROM) {
    console.warn("[outbox] MAIL_FROM is not set; messages go out from no-reply@roster.invalid, which mail servers are likely to refuse.");
  }

  const loop = pollLoop(
    "outbox",
    async () => {
      const counts = await deliverDue(options.db ?? unscopedDb(), transport, { batch: BATCH, workspaceId });
      // A full batch: there may be more due at once.
      return counts.sent + counts.failed + counts.retried >= BATCH;
    },
    { intervalMs, maxBackoffMs: MAX_ERROR_BACKOFF_MS },
  );

  const worker: OutboxWorker = {
    stop: async () => {
      await loop.stop();
      transport.close();
      if (holder.__rosterOutboxWorker === worker) delete holder.__rosterOutboxWorker;
    },
  };
  holder.__rosterOutboxWorker = worker;
  return worker;
}
