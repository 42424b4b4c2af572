import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { getProfile } from "@/lib/profiles/list-profiles";
import { parseStoredSettings, profileOsLabels, profileOsOf } from "@/lib/profiles/schema";
import { ProfileButtons } from "./profile-buttons";
import { ProfileEditor } from "./profile-editor";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireConsolePage("page /console/profiles/[id]");
  const { id } = await params;
  const profile = await getProfile(ctx.db, ctx.workspace.id, id);
  if (!profile) notFound();
  const settings = parseStoredSettings(profile.osFamily, profile.policy);
  return (
    <>
      <Breadcrumb parent={{ href: "/console/profiles", label: "Profiles" }} current={profile.name} />
      <PageHeader
        title={profile.name}
        description={`${profileOsLabels[profileOsOf(profile.osFamily)]} profile`}
        actions={can(ctx, "deleteProfileAction") ? <ProfileButtons profile={{ id: profile.id, name: profile.name, groups: profile.groups.length, users: profile.users.length }} /> : null}
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <ProfileEditor profile={{ id: profile.id, name: profile.name, osFamily: profile.osFamily, settings }} canEdit={can(ctx, "updateProfileAction")} />
        <section aria-labelledby="applied-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="applied-heading" className="mb-2 text-base font-semibold text-slate-900">Applied to</h2>
          <h3 className="mt-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Groups</h3>
          {profile.groups.length === 0 ? <p className="text-slate-600">No groups</p> : (
            <ul className="mt-1 space-y-1">{profile.groups.map(({ group }) => <li key={group.id}>{group.name}</li>)}</ul>
          )}
          <h3 className="mt-4 text-xs font-medium tracking-wide text-slate-500 uppercase">Users</h3>
          {profile.users.length === 0 ? <p className="text-slate-600">No users</p> : (
            <ul className="mt-1 space-y-1">
              {profile.users.map(({ user }) => (
                <li key={user.id}><Link href={`/console/users/${user.id}?tab=profiles`} className="text-brand-700 hover:underline">{user.displayName || user.email}</Link></li>
              ))}
            </ul>
          )}
          <p className="mt-4 text-xs text-slate-500">Apply profiles from a user&apos;s Profiles tab or a group&apos;s page. A user&apos;s own profiles win over group profiles; among groups the stricter value wins.</p>
        </section>
      </div>
    </>
  );
}
