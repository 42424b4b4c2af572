import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { listOwnSessions } from "@/lib/auth/list-own-sessions";
import { SESSION_MAX_AGE_SECONDS, sessionIdleMinutes } from "@/lib/auth/session-policy";
import { plural } from "@/lib/format";
import { SettingsNav } from "../settings-nav";
import { RevokeOtherSessionsButton, RevokeSessionButton } from "./revoke-buttons";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const ctx = await requireConsolePage("page /console/settings/sessions");
  const sessions = await listOwnSessions(ctx);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <PageHeader title="Settings" description="Your company's workspace and your account." />
      <SettingsNav current="/console/settings/sessions" showRoles={can(ctx, "page /console/settings/roles")} />
      <section aria-labelledby="sessions-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="sessions-heading" className="text-base font-semibold text-ink">Your sessions</h2>
          {others > 0 ? <RevokeOtherSessionsButton count={others} /> : null}
        </div>
        <p className="mt-1 mb-4 max-w-3xl text-sm text-slate-600">
          Every browser signed in to your account. A session ends after {plural(sessionIdleMinutes(), "minute")} without
          activity, and {plural(SESSION_MAX_AGE_SECONDS / 3600, "hour")} after signing in whatever happens. Signing out of a
          session you do not recognise ends it at once; then change your password.
        </p>
        <DataTable
          caption="Your sessions"
          headers={["Device", "Address", "Signed in", "Last active", ""]}
          rows={sessions.map((s) => ({
            key: s.id,
            cells: [
              <div key="d" className="min-w-40">
                <span className="font-medium text-slate-900">{s.device.browser}</span>
                <span className="text-slate-600"> on {s.device.os}</span>
                {s.current ? <span className="ml-2 inline-block rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-brand-700">This browser</span> : null}
              </div>,
              <span key="a" className="font-mono text-xs">{s.address || "Unknown"}</span>,
              <LocalTime key="c" date={s.createdAt} />,
              s.current ? <span key="l">Now</span> : <LocalTime key="l" date={s.lastSeenAt} />,
              s.current ? (
                <span key="x" className="text-xs text-slate-500">Use Sign out in the account menu</span>
              ) : (
                <RevokeSessionButton key="x" sessionId={s.id} label={`${s.device.browser} on ${s.device.os}`} />
              ),
            ],
          }))}
        />
      </section>
    </>
  );
}
