/**
 * Next.js calls `register()` once when a server instance starts. The Node.js
 * server runs the email outbox worker (`ROSTER_OUTBOX_WORKER=off` leaves it
 * to other instances, or to none, in tests), the worker that resumes
 * stopped CSV imports, and the hourly clean-up (claimed, so one instance
 * runs each period). The imports sit inside the NEXT_RUNTIME check, in the
 * shape Next.js documents, so the Edge bundle drops them and never loads
 * nodemailer or the database client.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startImportWorker } = await import("./lib/imports/worker");
    startImportWorker();
    const { startMaintenanceWorker } = await import("./lib/maintenance/worker");
    startMaintenanceWorker();
    if (process.env.ROSTER_OUTBOX_WORKER === "off") return;
    const { startOutboxWorker } = await import("./lib/mail/worker");
    startOutboxWorker();
  }
}
