import { z } from "zod";
import { auditKindsFor } from "./event-kinds";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

/** The Audit page's URL parameters; anything unknown or malformed falls back to "no filter". */
export const auditListQuerySchema = z.object({
  /** One event code, or a group of them ("group:security"). */
  kind: z.string().max(60).refine((v) => auditKindsFor(v) !== null).catch(""),
  /** Text in the actor's email or the target's name. */
  q: z.string().trim().max(200).catch(""),
  /** First and last day shown (UTC), inclusive. */
  from: day.or(z.literal("")).catch(""),
  to: day.or(z.literal("")).catch(""),
  cursor: z.string().max(600).catch(""),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

/** The Audit page's URL for a query changed by `change`, leaving out empty filters; the cursor starts over unless named. */
export function auditListHref(query: AuditListQuery, change: Partial<AuditListQuery>): string {
  const next = { ...query, cursor: "", ...change };
  const params = new URLSearchParams();
  for (const key of ["kind", "q", "from", "to", "cursor"] as const) if (next[key]) params.set(key, next[key]);
  const qs = params.toString();
  return qs ? `/console/audit?${qs}` : "/console/audit";
}

/** Whether any filter narrows the log. */
export function isAuditFiltered(query: AuditListQuery): boolean {
  return Boolean(query.kind || query.q || query.from || query.to);
}
