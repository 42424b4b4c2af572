"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { auditEventGroups } from "@/lib/audit/event-kinds";
import { auditListHref, isAuditFiltered, type AuditListQuery } from "@/lib/audit/schema";

type Filters = Pick<AuditListQuery, "kind" | "q" | "from" | "to">;
const SEARCH_DEBOUNCE_MS = 300;
const field = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The Audit page's filters: event kind (one, or a group such as Account
 * security), text in the actor or target, and a date range (UTC days). They
 * live in the URL: changes apply at once (the search after a pause in
 * typing), and without JavaScript the form is a plain GET with Apply.
 */
export function AuditFilters({ query }: { query: AuditListQuery }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState<Filters>({ kind: query.kind, q: query.q, from: query.from, to: query.to });
  const [q, setQ] = useState(query.q);

  function go(change: Partial<Filters>) {
    const next = { ...values, ...change };
    setValues(next);
    startTransition(() => router.replace(auditListHref(query, next), { scroll: false }));
  }

  useEffect(() => {
    if (q.trim() === values.q) return;
    const timer = window.setTimeout(() => go({ q: q.trim() }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // Only typing restarts the wait; `go` is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, values.q]);

  return (
    <form
      method="get"
      role="search"
      aria-label="Filter events"
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: q.trim() });
      }}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div>
        <label htmlFor="f-kind" className="block text-xs font-medium text-slate-600">Event</label>
        <select id="f-kind" name="kind" value={values.kind} onChange={(e) => go({ kind: e.target.value })} className={field}>
          <option value="">All events</option>
          {auditEventGroups.map((g) => (
            <optgroup key={g.id} label={g.label}>
              <option value={`group:${g.id}`}>All {g.label.toLowerCase()} events</option>
              {Object.entries(g.kinds).map(([code, label]) => (
                <option key={code} value={code}>{label}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="min-w-56 flex-1">
        <label htmlFor="f-q" className="block text-xs font-medium text-slate-600">Who or what</label>
        <input id="f-q" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="An email or a name" className={`${field} w-full px-3`} />
      </div>
      <div>
        <label htmlFor="f-from" className="block text-xs font-medium text-slate-600">From (UTC)</label>
        <input id="f-from" name="from" type="date" value={values.from} max={values.to || undefined} onChange={(e) => go({ from: e.target.value })} className={field} />
      </div>
      <div>
        <label htmlFor="f-to" className="block text-xs font-medium text-slate-600">To (UTC)</label>
        <input id="f-to" name="to" type="date" value={values.to} min={values.from || undefined} onChange={(e) => go({ to: e.target.value })} className={field} />
      </div>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Apply</button>
      {isAuditFiltered({ ...query, ...values }) ? (
        <Link href={auditListHref(query, { kind: "", q: "", from: "", to: "" })} replace scroll={false} className="py-1.5 text-sm text-brand-700 hover:underline">
          Clear
        </Link>
      ) : null}
      <span role="status" className="py-1.5 text-sm text-slate-500" data-testid="filters-status">{pending ? "Updating…" : ""}</span>
    </form>
  );
}
