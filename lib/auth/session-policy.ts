import { z } from "zod";

/** How long a console session lasts without signing in again, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** The idle timeout when ROSTER_SESSION_IDLE_MINUTES is unset. */
export const DEFAULT_IDLE_MINUTES = 30;

/** A session's last activity is written at most this often, so requests do not each write. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

const idleMinutesSchema = z.coerce
  .number({ error: "ROSTER_SESSION_IDLE_MINUTES must be a whole number of minutes" })
  .int("ROSTER_SESSION_IDLE_MINUTES must be a whole number of minutes")
  .min(5, "ROSTER_SESSION_IDLE_MINUTES must be at least 5")
  .max(SESSION_MAX_AGE_SECONDS / 60, `ROSTER_SESSION_IDLE_MINUTES must be at most ${SESSION_MAX_AGE_SECONDS / 60} (the session's lifetime)`);

/**
 * Minutes of inactivity after which a session ends (ROSTER_SESSION_IDLE_MINUTES,
 * default 30). Throws with a one-line reason for a value that is not 5–720
 * minutes; `npm start` checks it before serving.
 */
export function sessionIdleMinutes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ROSTER_SESSION_IDLE_MINUTES?.trim();
  if (!raw) return DEFAULT_IDLE_MINUTES;
  const parsed = idleMinutesSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.message ?? "ROSTER_SESSION_IDLE_MINUTES is not valid"} (got "${raw}")`);
  return parsed.data;
}
