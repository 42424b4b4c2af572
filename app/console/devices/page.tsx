import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { requireConsolePage } from "@/lib/auth/context";
import { osLabels } from "@/lib/devices/list-devices";
import { deviceListHref, listDevicesPage } from "@/lib/devices/list-devices-page";
import { activityValues, deviceListQuerySchema, deviceOsValues } from "@/lib/devices/schema";
import { formatCount, plural } from "@/lib/format";

export const metadata: Metadata = { title: "Devices" };

const activityLabels = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", older: "Older than 30 days", never: "Never" } as const;
const sortLabels = { lastActivity: "Last activity", name: "Name", enrolled: "Enrolled" } as const;
const control = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export default async function DevicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireConsolePage("page /console/devices");
  const raw = await searchParams;
  const query = deviceListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v ?? ""])));
  const [devices, user] = await Promise.all([
    listDevicesPage(ctx.db, ctx.workspace.id, query),
    query.user ? ctx.db.user.findFirst({ where: { id: query.user, workspaceId: ctx.workspace.id }, select: { email: true } }) : null,
  ]);
  const filtered = Boolean(query.q || query.os || query.activity || query.user);
  return (
    <>
      <PageHeader title="Devices" description={plural(devices.total, filtered ? "matching device" : "enrolled device")} />
      <form method="get" action="/console/devices" aria-label="Search and filter devices" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="devices-q" className="block text-sm font-medium text-slate-700">Search</label>
          <input id="devices-q" name="q" type="search" defaultValue={query.q} placeholder="Name, model or user email" className={`${control} w-64`} />
        </div>
        <div>
          <label htmlFor="devices-os" className="block text-sm font-medium text-slate-700">OS</label>
          <select id="devices-os" name="os" defaultValue={query.os ?? ""} className={control}>
            <option value="">Any</option>
            {deviceOsValues.map((os) => <option key={os} value={os}>{osLabels[os]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="devices-activity" className="block text-sm font-medium text-slate-700">Last activity</label>
          <select id="devices-activity" name="activity" defaultValue={query.activity ?? ""} className={control}>
            <option value="">Any time</option>
            {activityValues.map((a) => <option key={a} value={a}>{activityLabels[a]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="devices-sort" className="block text-sm font-medium text-slate-700">Sort by</label>
          <select id="devices-sort" name="sort" defaultValue={query.sort} className={control}>
            {Object.entries(sortLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="devices-dir" className="block text-sm font-medium text-slate-700">Order</label>
          <select id="devices-dir" name="dir" defaultValue={query.dir} className={control}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </select>
        </div>
        {query.user ? <input type="hidden" name="user" value={query.user} /> : null}
        <button type="submit" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        {filtered ? <Link href="/console/devices" className="py-2 text-sm text-brand-700 hover:underline">Clear</Link> : null}
      </form>
      {query.user ? (
        <p className="mb-3 text-sm text-slate-700">
          Devices of {user?.email ?? "a user no longer here"} · <Link href={deviceListHref(query, { user: "" })} className="text-brand-700 hover:underline">All users</Link>
        </p>
      ) : null}
      {devices.rows.length === 0 ? (
        filtered
          ? <EmptyState title="No matching devices">Change the search or the filters.</EmptyState>
          : <EmptyState title="No devices yet">Devices appear here once users enroll them from the emailed link.</EmptyState>
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
                <Link key="u" href={deviceListHref(query, { user: d.user.id })} className="text-brand-700 hover:underline">{d.user.displayName || d.user.alias}</Link>,
                d.components.split(" ").filter(Boolean).join(", ") || "None",
                d.lastActivityAt ? <LocalTime key="a" date={d.lastActivityAt} /> : "Never",
              ],
            }))}
          />
          <Pagination
            label={`${formatCount(devices.start + 1)}–${formatCount(devices.start + devices.rows.length)} of ${formatCount(devices.total)}`}
            first={devices.start > 0 ? deviceListHref(query, {}) : null}
            prev={devices.prev ? deviceListHref(query, { cursor: devices.prev }) : null}
            next={devices.next ? deviceListHref(query, { cursor: devices.next }) : null}
            last={null}
          />
        </>
      )}
    </>
  );
}
