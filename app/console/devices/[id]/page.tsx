import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { getDevice } from "@/lib/devices/get-device";
import { osLabels } from "@/lib/devices/list-devices";
import { computeEffectivePolicy } from "@/lib/profiles/effective-policy";
import { settingLabel, settingValueLabel } from "@/lib/profiles/schema";
import { DeviceButtons } from "./device-buttons";

export const metadata: Metadata = { title: "Device" };

export default async function DevicePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireConsolePage("page /console/devices/[id]");
  const { id } = await params;
  const [device, policy] = await Promise.all([getDevice(ctx.db, ctx.workspace.id, id), computeEffectivePolicy(ctx.db, ctx.workspace.id, id)]);
  if (!device) notFound();
  const label = device.name || device.model || "Unnamed device";
  const owner = device.user.displayName || device.user.alias;
  const token = device.enrollmentToken;
  return (
    <>
      <Breadcrumb parent={{ href: "/console/devices", label: "Devices" }} current={label} />
      <PageHeader
        title={label}
        description={<>{`${osLabels[device.osFamily]} ${device.osVersion}`.trim()} · <Link href={`/console/users/${device.user.id}?tab=devices`} className="text-brand-700 hover:underline">{owner}</Link></>}
        actions={can(ctx, "removeDeviceAction") ? <DeviceButtons device={{ id: device.id, label, name: device.name, userId: device.user.id }} /> : null}
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="policy-heading">
          <h2 id="policy-heading" className="mb-2 text-base font-semibold text-slate-900">Effective policy</h2>
          {!policy || policy.settings.length === 0 ? (
            <EmptyState title="No profile settings">No profile of this user or of their groups applies to {osLabels[device.osFamily]}; the agent keeps its defaults.</EmptyState>
          ) : (
            <DataTable
              caption="Effective policy"
              headers={["Setting", "Value", "Profile", "Applied through"]}
              rows={policy.settings.map((s) => ({
                key: s.key,
                cells: [
                  settingLabel(s.key),
                  settingValueLabel(s.key, s.value),
                  <Link key="p" href={`/console/profiles/${s.profileId}`} className="text-brand-700 hover:underline">{s.profileName}</Link>,
                  s.source.kind === "user" ? "The user" : `Group ${s.source.groupName}`,
                ],
              }))}
            />
          )}
          <p className="mt-2 text-xs text-slate-500">When profiles disagree, the user&apos;s own profiles win over group profiles; among groups the stricter value wins.</p>
        </section>
        <dl className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <Fact term="Operating system" value={osLabels[device.osFamily]} />
          <Fact term="OS version" value={device.osVersion || "Not reported"} />
          <Fact term="Name" value={device.name || "Not reported"} />
          <Fact term="Model" value={device.model || "Not reported"} />
          <Fact term="Active components" value={device.components.split(" ").filter(Boolean).join(", ") || "None"} />
          <Fact term="Last activity" value={device.lastActivityAt ? <LocalTime date={device.lastActivityAt} /> : "Never"} />
          <Fact term="Enrolled" value={<LocalTime date={device.enrolledAt} />} />
          <Fact term="Enrolled with token" value={token ? <><code className="font-mono text-xs">{token.prefix}…</code>{token.revokedAt ? " (revoked since)" : ""}</> : "Not recorded"} />
        </dl>
      </div>
    </>
  );
}

function Fact({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-0.5 wrap-anywhere text-slate-800">{value}</dd>
    </div>
  );
}
