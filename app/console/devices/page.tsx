import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { EmptyState, PageHeader } from "@/components/page-header";
import { pageLinks, pageParam } from "@/components/page-param";
import { Pagination } from "@/components/pagination";
import { requireConsolePage } from "@/lib/auth/context";
import { listDevices, osLabels } from "@/lib/devices/list-devices";
import { formatCount, plural } from "@/lib/format";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Devices" };

export default async function DevicesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requireConsolePage("page /console/devices");
  const page = pageParam((await searchParams).page);
  const devices = await listDevices(ctx.db, ctx.workspace.id, page);
  return (
    <>
      <PageHeader title="Devices" description={plural(devices.total, "enrolled device")} />
      {devices.rows.length === 0 ? (
        <EmptyState title="No devices yet">Devices appear here once users enroll them from the emailed link.</EmptyState>
      ) : (
        <>
          <DataTable
            caption="Devices"
            headers={["OS", "Name", "User", "Active components", "Last activity"]}
            rows={devices.rows.map((d) => ({
              key: d.id,
              cells: [
                `${osLabels[d.osFamily]} ${d.osVersion}`.trim(),
                <Link key="n" href={`/console/devices/${d.id}`} className="text-brand-700 hover:underline">{d.name || d.model || "Unnamed device"}</Link>,
                <Link key="u" href={`/console/users/${d.user.id}`} className="text-brand-700 hover:underline">{d.user.displayName || d.user.alias}</Link>,
                d.components.split(" ").filter(Boolean).join(", ") || "None",
                d.lastActivityAt ? <LocalTime key="a" date={d.lastActivityAt} /> : "Never",
              ],
            }))}
          />
          <Pagination label={`Page ${formatCount(devices.page)} of ${formatCount(devices.pages)}`} {...pageLinks("/console/devices", devices.page, devices.pages)} />
        </>
      )}
    </>
  );
}
