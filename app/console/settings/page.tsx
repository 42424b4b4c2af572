import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { twoFactorLabels } from "@/lib/users/labels";
import { readWorkspaceSettings } from "@/lib/workspaces/settings";
import { PasswordForm } from "./password-form";
import { SettingsNav } from "./settings-nav";
import { SecurityForm } from "./security-form";
import { WorkspaceForm } from "./workspace-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireConsolePage("page /console/settings");
  const [me, settings] = await Promise.all([
    ctx.db.user.findFirstOrThrow({ where: { id: ctx.user.id, workspaceId: ctx.workspace.id }, select: { twoFactor: true } }),
    readWorkspaceSettings(ctx.db, ctx.workspace.id),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="Your company's workspace and your account." />
      <SettingsNav current="/console/settings" showRoles={can(ctx, "page /console/settings/roles")} />
      <section aria-labelledby="workspace-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="workspace-heading" className="mb-4 text-base font-semibold text-ink">Workspace</h2>
        <WorkspaceForm name={ctx.workspace.name} canEdit={can(ctx, "renameWorkspaceAction")} />
      </section>
      <section aria-labelledby="password-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="password-heading" className="mb-4 text-base font-semibold text-ink">Your password</h2>
        <PasswordForm email={ctx.user.email} />
      </section>
      <section aria-labelledby="security-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="security-heading" className="mb-4 text-base font-semibold text-ink">Security</h2>
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 pb-5">
          <div>
            <h3 className="text-sm font-semibold text-slate-800">Your two-factor authentication</h3>
            <p className="text-sm text-slate-600" data-testid="own-two-factor">
              {twoFactorLabels[me.twoFactor]}. {me.twoFactor === "ACTIVE" ? "Signing in asks for a code from your app." : "Add a code from an app on your phone to your password."}
            </p>
          </div>
          <Link href="/console/settings/two-factor" className={buttonClasses("secondary")}>
            {me.twoFactor === "ACTIVE" ? "Manage 2FA" : "Set up 2FA"}
          </Link>
        </div>
        <SecurityForm requireAdminTwoFactor={settings.requireAdminTwoFactor} canEdit={can(ctx, "updateSecuritySettingsAction")} />
      </section>
    </>
  );
}
