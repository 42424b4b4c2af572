import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { plural } from "@/lib/format";
import { listProfiles } from "@/lib/profiles/list-profiles";
import { parseStoredSettings, profileOsLabels, profileOsOf } from "@/lib/profiles/schema";
import { NewProfileForm } from "./new-profile-form";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage() {
  const ctx = await requireConsolePage("page /console/profiles");
  const profiles = await listProfiles(ctx.db, ctx.workspace.id);
  return (
    <>
      <PageHeader title="Profiles" description="Policies for each operating system, applied to groups and users. A device gets the profiles of its user and of the user's groups." />
      {can(ctx, "createProfileAction") ? <NewProfileForm /> : null}
      {profiles.length === 0 ? (
        <EmptyState title="No profiles yet">Create a profile, choose its settings, then apply it to groups or users.</EmptyState>
      ) : (
        <DataTable
          caption="Profiles"
          headers={["Name", "Operating system", "Settings", "Applied to", "Created"]}
          rows={profiles.map((p) => ({
            key: p.id,
            cells: [
              <Link key="n" href={`/console/profiles/${p.id}`} className="text-brand-700 hover:underline">{p.name}</Link>,
              profileOsLabels[profileOsOf(p.osFamily)],
              plural(Object.keys(parseStoredSettings(p.osFamily, p.policy)).length, "setting"),
              `${plural(p._count.groups, "group")}, ${plural(p._count.users, "user")}`,
              <LocalTime key="c" date={p.createdAt} />,
            ],
          }))}
        />
      )}
    </>
  );
}
