import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { formatDateTime, plural } from "@/lib/format";
import { getUser, listRoles } from "@/lib/users/get-user";
import { NOT_LOGGED_IN, twoFactorLabels } from "@/lib/users/labels";
import { DeleteUserButton } from "./delete-user-button";
import { UserInfoForm } from "./user-info-form";

export const metadata: Metadata = { title: "User" };

const sourceLabels = { SETUP: "Created the workspace", CONSOLE: "Added in the console", CSV: "Imported from CSV", INVITATION: "Accepted an invitation", DIRECTORY: "Directory sync" } as const;

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireConsolePage("users.read");
  const { id } = await params;
  const [user, roles] = await Promise.all([getUser(ctx.db, ctx.workspace.id, id), listRoles(ctx.db, ctx.workspace.id)]);
  if (!user) notFound();
  const name = user.displayName || user.alias;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/console/users" className="text-brand-700 hover:underline">Users</Link>
        <span aria-hidden="true" className="mx-1 text-slate-400">/</span>
        <span className="text-slate-600">{name}</span>
      </nav>
      <PageHeader
        title={name}
        description={`${user.email} · ${user.role.name}`}
        actions={ctx.permissions.has("users.delete") && user.id !== ctx.user.id ? <DeleteUserButton target={{ id: user.id, label: name, deviceCount: user.deviceCount }} /> : null}
      />
      <div role="tablist" aria-label="User" className="mb-5 flex gap-1 border-b border-slate-200">
        <span role="tab" aria-selected="true" className="-mb-px border-b-2 border-brand-600 px-4 py-2 text-sm font-medium text-brand-700">User Info</span>
      </div>
      <div role="tabpanel" className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <UserInfoForm
          user={{ id: user.id, email: user.email, displayName: user.displayName, phone: user.phone, roleId: user.role.id }}
          roles={roles}
          canEdit={ctx.permissions.has("users.write")}
        />
        <dl className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <Fact term="Alias" value={user.alias} />
          <Fact term="Devices" value={plural(user.deviceCount, "device")} />
          <Fact term="2FA status" value={twoFactorLabels[user.twoFactor]} />
          <Fact term="Last login" value={user.lastLoginAt ? formatDateTime(user.lastLoginAt) : NOT_LOGGED_IN} />
          <Fact term="Groups" value={user.memberships.map((m) => m.group.name).join(", ") || "None"} />
          <Fact term="Added" value={`${formatDateTime(user.createdAt)}${user.createdBy ? ` by ${user.createdBy.email}` : ""}`} />
          <Fact term="Source" value={sourceLabels[user.source]} />
        </dl>
      </div>
    </>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="mt-0.5 text-slate-800">{value}</dd>
    </div>
  );
}
