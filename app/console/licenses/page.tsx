import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { formatCount, plural } from "@/lib/format";
import { listLicenses } from "@/lib/licenses/list-licenses";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Licenses" };

export default async function LicensesPage() {
  const ctx = await requireConsolePage("page /console/licenses");
  const licenses = await listLicenses(ctx.db, ctx.workspace.id);
  const now = new Date();
  return (
    <>
      <PageHeader title="Licenses" description={plural(licenses.length, "license")} />
      {licenses.length === 0 ? (
        <EmptyState title="No licenses yet">Without a license, the Add users wizard takes up to 999 addresses at a time.</EmptyState>
      ) : (
        <DataTable
          caption="Licenses"
          headers={["Product", "Key or code", "Seats", "User limit", "Expires", "Status"]}
          rows={licenses.map((l) => ({
            key: l.id,
            cells: [
              l.product,
              l.keyFileName ?? (l.activationCode ? `${l.activationCode.slice(0, 5)}…` : ""),
              formatCount(l.seats),
              l.userLimit === null ? "—" : formatCount(l.userLimit),
              <LocalTime key="e" date={l.expiresAt} dateOnly />,
              l.revokedAt ? "Removed" : l.expiresAt <= now ? "Expired" : "Active",
            ],
          }))}
        />
      )}
    </>
  );
}
