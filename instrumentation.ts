/**
 * Next.js calls `register()` once when a server instance starts. The Node.js
 * server runs the email outbox worker; `ROSTER_OUTBOX_WORKER=off` leaves it to
 * other instances (or to none, in tests). The import sits inside the
 * NEXT_RUNTIME check, in the shape Next.js documents, so the Edge bundle
 * drops it and never loads nodemailer or the database client.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.ROSTER_OUTBOX_WORKER === "off") return;
    const { startOutboxWorker } = await import("./lib/mail/worker");
    startOutboxWorker();
  }
}
