import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/data-table";
import { Breadcrumb } from "@/components/breadcrumb";
import { EmailAddress } from "@/components/email-address";
import { LocalTime } from "@/components/local-time";
import { EmptyState, PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { credentialsProblem } from "@/lib/auth/credentials";
import { listUserDevices } from "@/lib/devices/list-user-devices";
import { osLabels } from "@/lib/devices/list-devices";
import { displayAddress } from "@/lib/email-address/idn";
import { listUserTokens } from "@/lib/enrollment/tokens";
import { listUserProfiles } from "@/lib/profiles/list-profiles";
import { profileOsLabels, profileOsOf } from "@/lib/profiles/schema";
import { ProfileAssignments } from "@/components/profile-assignments";
import { plural } from "@/lib/format";
import { listUserEmailMessages } from "@/lib/mail/list-messages";
import { listUserGroups } from "@/lib/groups/list-groups";
import { getUser, listGrantableRoles } from "@/lib/users/get-user";
import { NOT_LOGGED_IN, twoFactorLabels } from "@/lib/users/labels";
import { MessageStatus } from "../../mailbox/message-status";
import { ResendButton } from "../../mailbox/resend-button";
import { RemoveMemberButton } from "../../groups/[id]/remove-member-button";
import { AccountButtons } from "./account-buttons";
import { AddToGroupButton } from "./add-to-group-button";
import { DeleteUserButton } from "./delete-user-button";
import { RevokeTokenButton } from "./revoke-token-button";
import { SendInstructionsButton } from "./send-instructions-button";
import { EnrollDeviceButton } from "../enroll-device-dialog";
import { platformCatalog } from "@/lib/enrollment/platform";
import { ResetTwoFactorButton } from "./reset-two-factor-button";
import { UserInfoForm } from "./user-info-form";

export const metadata: Metadata = { title: "User" };

const sourceLabels = { SETUP: "Created the workspace", CONSOLE: "Added in the console", CSV: "Imported from CSV", INVITATION: "Accepted an invitation", DIRECTORY: "Directory sync" } as const;

const tabs = [
  { id: "info", label: "User Info" },
  { id: "devices", label: "Associated Devices" },
  { id: "tokens", label: "User Tokens" },
  { id: "groups", label: "Groups" },
  { id: "profiles", label: "Profiles" },
] as const;
type TabId = (typeof tabs)[number]["id"];

export default async function UserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string | string[] }> }) {
  const ctx = await requireConsolePage("page /console/users/[id]");
  const { id } = await params;
  const rawTab = (await searchParams).tab;
  const tab: TabId = tabs.find((t) => t.id === rawTab)?.id ?? "info";
  const user = await getUser(ctx.db, ctx.workspace.id, id);
  if (!user) notFound();
  // The picker offers the roles this administrator may give (the server checks again), and the user's own.
  const roles = await listGrantableRoles(ctx, user.role.id);
  const name = user.displayName || user.alias;
  const passwordProblem = credentialsProblem({ source: user.source, status: user.status, consoleAccess: user.role.consoleAccess });
  // Your own password changes in Settings, where it asks for the current one.
  const offerAccount = can(ctx, "setUserPasswordsAction") && !passwordProblem && user.id !== ctx.user.id;

  return (
    <>
      <Breadcrumb parent={{ href: "/console/users", label: "Users" }} current={name} />
      <PageHeader
        title={name}
        description={<><EmailAddress address={displayAddress(user.email)} /> · {user.role.name}</>}
        actions={
          <>
            {can(ctx, "sendInstructionsAction") ? <SendInstructionsButton userId={user.id} /> : null}
            {can(ctx, "enrollDeviceAction") ? <EnrollDeviceButton userId={user.id} platforms={platformCatalog()} /> : null}
            {can(ctx, "resetTwoFactorAction") && user.twoFactor !== "NOT_AVAILABLE" ? <ResetTwoFactorButton target={{ id: user.id, label: name }} /> : null}
            {offerAccount ? <AccountButtons target={{ id: user.id, label: name, email: user.email, credentialsProblem: null }} /> : null}
            {can(ctx, "deleteUsersAction") && user.id !== ctx.user.id ? <DeleteUserButton target={{ id: user.id, label: name, deviceCount: user.deviceCount }} /> : null}
          </>
        }
      />
      {/* Five tabs do not fit a phone: the bar scrolls sideways on its own, the page does not. */}
      <div role="tablist" aria-label="User" className="mb-5 flex gap-1 overflow-x-auto border-b border-slate-200">
        {tabs.map((t) => (
          <Link
            key={t.id}
            id={`tab-${t.id}`}
            role="tab"
            aria-selected={t.id === tab}
            aria-controls={t.id === tab ? `panel-${t.id}` : undefined}
            href={t.id === "info" ? `/console/users/${user.id}` : `/console/users/${user.id}?tab=${t.id}`}
            className={t.id === tab
              ? "shrink-0 border-b-2 border-brand-600 px-4 py-2 text-sm font-medium whitespace-nowrap text-brand-700"
              : "shrink-0 border-b-2 border-transparent px-4 py-2 text-sm font-medium whitespace-nowrap text-slate-600 hover:text-slate-900"}
          >
            {t.label}
          </Link>
        ))}
      </div>
      {tab === "info" ? (
        <div role="tabpanel" id="panel-info" aria-labelledby="tab-info" className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <UserInfoForm
            user={{ id: user.id, email: user.email, displayName: user.displayName, phone: user.phone, roleId: user.role.id }}
            roles={roles}
            canEdit={can(ctx, "updateUserAction")}
          />
          <dl className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <Fact term="Alias" value={user.alias} />
            <Fact term="Devices" value={plural(user.deviceCount, "device")} />
            <Fact term="2FA status" value={twoFactorLabels[user.twoFactor]} />
            <Fact term="Last login" value={user.lastLoginAt ? <LocalTime date={user.lastLoginAt} /> : NOT_LOGGED_IN} />
            <Fact term="Change password time" value={user.passwordChangedAt ? <LocalTime date={user.passwordChangedAt} /> : "Not changed yet"} />
            {passwordProblem ? <Fact term="Password" value={passwordProblem} /> : null}
            <Fact term="Groups" value={user.memberships.map((m) => m.group.name).join(", ") || "None"} />
            <Fact term="Added" value={<><LocalTime date={user.createdAt} />{user.createdBy ? <> by <EmailAddress address={user.createdBy.email} /></> : null}</>} />
            <Fact term="Source" value={user.importRun ? `${sourceLabels[user.source]} (${user.importRun.fileName})` : sourceLabels[user.source]} />
          </dl>
          <div className="lg:col-span-2">
            <MessagesPanel db={ctx.db} workspaceId={ctx.workspace.id} userId={user.id} canResend={can(ctx, "resendEmailAction")} />
          </div>
        </div>
      ) : null}
      {tab === "devices" ? (
        <div role="tabpanel" id="panel-devices" aria-labelledby="tab-devices">
          <DevicesPanel db={ctx.db} workspaceId={ctx.workspace.id} userId={user.id} />
        </div>
      ) : null}
      {tab === "tokens" ? (
        <div role="tabpanel" id="panel-tokens" aria-labelledby="tab-tokens">
          <TokensPanel db={ctx.db} workspaceId={ctx.workspace.id} userId={user.id} canRevoke={can(ctx, "revokeTokenAction")} />
        </div>
      ) : null}
      {tab === "groups" ? (
        <div role="tabpanel" id="panel-groups" aria-labelledby="tab-groups">
          <GroupsPanel db={ctx.db} workspaceId={ctx.workspace.id} userId={user.id} userLabel={name} canWrite={can(ctx, "addMembersAction")} />
        </div>
      ) : null}
      {tab === "profiles" ? (
        <div role="tabpanel" id="panel-profiles" aria-labelledby="tab-profiles">
          <ProfilesPanel db={ctx.db} workspaceId={ctx.workspace.id} userId={user.id} label={name} canEdit={can(ctx, "assignProfileAction")} />
        </div>
      ) : null}
    </>
  );
}

/** The Profiles tab (Manage Profiles): the user's own profiles, and those that reach them through groups. */
async function ProfilesPanel({ db, workspaceId, userId, label, canEdit }: PanelProps & { label: string; canEdit: boolean }) {
  const { own, viaGroups, all } = await listUserProfiles(db, workspaceId, userId);
  const ref = (p: { id: string; name: string; osFamily: keyof typeof osLabels }) => ({ id: p.id, name: p.name, osLabel: profileOsLabels[profileOsOf(p.osFamily)] });
  return (
    <div className="space-y-8">
      <ProfileAssignments target={{ kind: "user", id: userId, label }} assigned={own.map(ref)} available={all.map(ref)} canEdit={canEdit} />
      <section aria-labelledby="group-profiles-heading">
        <h2 id="group-profiles-heading" className="mb-2 text-base font-semibold text-slate-900">Profiles from groups</h2>
        {viaGroups.length === 0 ? <p className="text-sm text-slate-600">None of the user&apos;s groups has profiles.</p> : (
          <DataTable
            caption="Profiles from groups"
            headers={["Profile", "Operating system", "Group"]}
            rows={viaGroups.map((r) => ({
              key: `${r.profile.id}:${r.group.id}`,
              cells: [
                <Link key="p" href={`/console/profiles/${r.profile.id}`} className="text-brand-700 hover:underline">{r.profile.name}</Link>,
                profileOsLabels[profileOsOf(r.profile.osFamily)],
                r.group.name,
              ],
            }))}
          />
        )}
        <p className="mt-2 text-xs text-slate-500">When profiles disagree, the user&apos;s own profiles win over group profiles; among groups the stricter value wins.</p>
      </section>
    </div>
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

type PanelProps = { db: Parameters<typeof listUserDevices>[0]; workspaceId: string; userId: string };

/** The Associated Devices tab. */
async function DevicesPanel({ db, workspaceId, userId }: PanelProps) {
  const devices = await listUserDevices(db, workspaceId, userId);
  if (devices.length === 0) return <EmptyState title="No devices yet">Devices appear here once the user connects them with the link from their email.</EmptyState>;
  return (
    <DataTable
      caption="Associated devices"
      headers={["OS", "Name", "Active components", "Last activity"]}
      rows={devices.map((d) => ({
        key: d.id,
        cells: [
          `${osLabels[d.osFamily]} ${d.osVersion}`.trim(),
          <Link key="n" href={`/console/devices/${d.id}`} className="text-brand-700 hover:underline">{d.name || d.model || "Unnamed device"}</Link>,
          d.components.split(" ").filter(Boolean).join(", ") || "None",
          d.lastActivityAt ? <LocalTime key="a" date={d.lastActivityAt} /> : "Never",
        ],
      }))}
    />
  );
}

/** The user's latest messages on the User Info tab, with their delivery status and Resend. */
async function MessagesPanel({ db, workspaceId, userId, canResend }: PanelProps & { canResend: boolean }) {
  const messages = await listUserEmailMessages(db, workspaceId, userId);
  const now = new Date();
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading" className="mb-2 text-base font-semibold text-slate-900">Messages</h2>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">No messages sent to this user yet.</p>
      ) : (
        <DataTable
          caption="Messages"
          headers={["Subject", "Status", "Created", ...(canResend ? ["Actions"] : [])]}
          rows={messages.map((m) => ({
            key: m.id,
            cells: [
              <Link key="s" href={`/console/mailbox/${m.id}`} className="text-brand-700 hover:underline">{m.subject || "(no subject)"}</Link>,
              <MessageStatus key="st" row={m} now={now} />,
              <LocalTime key="c" date={m.createdAt} />,
              ...(canResend ? [m.status === "SENT" || m.status === "FAILED" ? <ResendButton key="r" id={m.id} to={m.to} /> : null] : []),
            ],
          }))}
        />
      )}
    </section>
  );
}

/** The User Tokens tab: each enrollment token with its expiry, mobile slot and a Revoke button. */
async function TokensPanel({ db, workspaceId, userId, canRevoke }: PanelProps & { canRevoke: boolean }) {
  const tokens = await listUserTokens(db, workspaceId, userId);
  if (tokens.length === 0) return <EmptyState title="No tokens yet">A token is created each time the user is sent a message with instructions.</EmptyState>;
  return (
    <DataTable
      caption="Enrollment tokens"
      headers={["Token", "Expiration date", "Days left", "Mobile device", "Devices", ""]}
      rows={tokens.map((t) => {
        return {
          key: t.id,
          cells: [
            <code key="p" className="font-mono text-xs">{t.prefix}…</code>,
            <LocalTime key="e" date={t.expiresAt} />,
            t.revokedAt ? <span key="d">Revoked <LocalTime date={t.revokedAt} /></span> : t.state === "expired" ? "Expired" : plural(t.daysLeft, "day"),
            t.mobileUsed ? "Used" : "Not used",
            plural(t.deviceCount, "device"),
            canRevoke && t.state === "active" ? <RevokeTokenButton key="r" tokenId={t.id} userId={userId} prefix={t.prefix} /> : "",
          ],
        };
      })}
    />
  );
}

/** The Groups tab: the user's groups, Add to group, and Remove from group (with its confirmation). */
async function GroupsPanel({ db, workspaceId, userId, userLabel, canWrite }: PanelProps & { userLabel: string; canWrite: boolean }) {
  const groups = await listUserGroups(db, workspaceId, userId);
  return (
    <section aria-label="Groups">
      {canWrite ? (
        <div className="mb-3 flex justify-end">
          <AddToGroupButton user={{ id: userId, label: userLabel }} />
        </div>
      ) : null}
      {groups.length === 0 ? (
        <EmptyState title="Not in any group">{canWrite ? "Add the user to a group to give them its profiles." : null}</EmptyState>
      ) : (
        <DataTable
          caption="The user's groups"
          headers={["Group name", "# of users", "Created by", "Created", ...(canWrite ? ["Actions"] : [])]}
          rows={groups.map((g) => ({
            key: g.id,
            cells: [
              <Link key="n" href={`/console/groups/${g.id}`} className="font-medium text-brand-700 hover:underline">{g.name}</Link>,
              plural(g.members, "user"),
              g.createdBy ? <EmailAddress key="b" address={g.createdBy} fit="column" /> : "—",
              <LocalTime key="c" date={g.createdAt} />,
              ...(canWrite ? [<RemoveMemberButton key="r" group={g} user={{ id: userId, label: userLabel }} label={`Remove from group ${g.name}`} text="Remove from group" />] : []),
            ],
          }))}
        />
      )}
    </section>
  );
}
