import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { auditEventLabel } from "@/lib/audit/event-kinds";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit";
import { auditListHref, auditListQuerySchema, isAuditFiltered } from "@/lib/audit/schema";
import { requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { LocalTime } from "@/components/local-time";
import { EmailAddress } from "@/components/email-address";
import { AuditFilters } from "./audit-filters";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage("page /console/audit");
  const raw = await searchParams;
  const query = auditListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const audit = await listAuditEvents(ctx.db, ctx.workspace.id, query);
  const filtered = isAuditFiltered(query);
  const range = audit.total === 0 ? "No events" : `${formatCount(audit.start + 1)}–${formatCount(audit.start + audit.rows.length)} of ${formatCount(audit.total)}`;
  return (
    <>
      <PageHeader title="Audit" description={<span data-testid="event-count">{plural(audit.total, "event")}{filtered ? (audit.total === 1 ? " matches" : " match") : ""}, newest first</span>} />
      <AuditFilters query={query} />
      {audit.rows.length === 0 ? (
        <EmptyState title={filtered ? "No events match" : "No events yet"}>{filtered ? "Try other filters or clear them." : null}</EmptyState>
      ) : (
        <>
          <DataTable
            caption="Audit events"
            headers={["When", "Who", "What", "Target", "Address"]}
            rows={audit.rows.map((e) => ({
              key: e.id,
              cells: [
                <LocalTime key="w" date={e.createdAt} />,
                <EmailAddress key="who" address={e.actorEmail} fit="column" />,
                <span key="a" title={e.action}>{auditEventLabel(e.action)}</span>,
                e.targetLabel || e.targetType,
                <span key="ip" className="font-mono text-xs">{e.address || "—"}</span>,
              ],
            }))}
          />
          <Pagination
            label={range}
            first={audit.prev ? auditListHref(query, {}) : null}
            prev={audit.prev ? auditListHref(query, { cursor: audit.prev }) : null}
            next={audit.next ? auditListHref(query, { cursor: audit.next }) : null}
            last={audit.last && audit.total > AUDIT_PAGE_SIZE ? auditListHref(query, { cursor: audit.last }) : null}
          />
        </>
      )}
    </>
  );
}
