import { randomUUID } from "node:crypto";
import { unscopedDb, type Db } from "@/lib/db/client";
import { deliverDue } from "./outbox";
import { createTransport, describeTransport, type MailTransport } from "./transport";

export type OutboxWorker = { stop: () => Promise<void> };

const BATCH = 50;
const MAX_ERROR_BACKOFF_MS = 60_000;
const holder = globalThis as unknown as { __rosterOutboxWorker?: OutboxWorker };

/**
 * Starts this process's outbox worker: it polls for due messages every
 * `intervalMs` (at once again while batches come back full) and delivers
 * them. One per process, however often it is called (dev reloads, repeated
 * `register()`); several instances may each run one, as claiming is atomic.
 * A failed round is logged with a reference and retried after a growing
 * pause, so a database outage neither stops the worker nor floods the log.
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

  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => { clearTimeout(timer); resolve(); };
    });

  const loop = async () => {
    let errors = 0;
    while (!stopped) {
      let wait = intervalMs;
      try {
        const counts = await deliverDue(options.db ?? unscopedDb(), transport, { batch: BATCH, workspaceId });
        errors = 0;
        if (counts.sent + counts.failed + counts.retried >= BATCH) wait = 0;
      } catch (error) {
        errors++;
        const ref = randomUUID().slice(0, 8);
        console.error(`[outbox ${ref}] delivery round failed; retrying`, error);
        wait = Math.min(intervalMs * 2 ** errors, MAX_ERROR_BACKOFF_MS);
      }
      if (!stopped && wait > 0) await pause(wait);
    }
  };
  const running = loop();

  const worker: OutboxWorker = {
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
      transport.close();
      if (holder.__rosterOutboxWorker === worker) delete holder.__rosterOutboxWorker;
    },
  };
  holder.__rosterOutboxWorker = worker;
  return worker;
}
