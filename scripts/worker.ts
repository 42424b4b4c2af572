/**
 * The worker process: the background work of one instance, beside its web
 * server (scripts/serve.ts) and with its own database connection, so a
 * request never waits behind an import's transactions or the outbox:
 * - imports: checks uploaded files and creates their accounts (lib/imports/worker.ts);
 * - the email outbox, unless ROSTER_OUTBOX_WORKER=off (lib/mail/worker.ts);
 * - the hourly clean-up (lib/maintenance/worker.ts).
 * Each piece claims its work with a lease or a conditional update, so any
 * number of instances can run one. `npm start` runs it and restarts it if it stops.
 */
import { dbProvider, unscopedDb } from "../lib/db/client";
import { pacingFor, startImportWorker } from "../lib/imports/worker";
import { startMaintenanceWorker } from "../lib/maintenance/worker";
import { startOutboxWorker } from "../lib/mail/worker";

const loops = [startImportWorker(unscopedDb, pacingFor(dbProvider())), startMaintenanceWorker(unscopedDb)];
if (process.env.ROSTER_OUTBOX_WORKER !== "off") loops.push(startOutboxWorker());
console.log(`roster worker: imports, clean-up${process.env.ROSTER_OUTBOX_WORKER !== "off" ? ", email delivery" : ""} (pid ${process.pid})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // What is in progress finishes its transaction; an import's next batch waits for the next worker.
    setTimeout(() => process.exit(0), 5_000).unref();
    void Promise.all(loops.map((l) => l.stop())).finally(() => process.exit(0));
  });
}
