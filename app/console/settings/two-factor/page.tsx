import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { PageHeader } from "@/components/page-header";
import { TwoFactorSetup } from "@/components/two-factor-setup";
import { requireConsolePage } from "@/lib/auth/context";
import { recoveryCodesLeft } from "@/lib/auth/recovery-codes";
import { startTwoFactorSetup } from "@/lib/auth/start-two-factor-setup";
import { readWorkspaceSettings } from "@/lib/workspaces/settings";
import { isAdminRole } from "@/lib/auth/permissions";
import { enableTwoFactorAction } from "./actions";
import { DisableTwoFactorForm } from "./disable-form";
import { NewRecoveryCodesForm } from "./new-codes-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function TwoFactorPage() {
  const ctx = await requireConsolePage("page /console/settings/two-factor");
  const me = await ctx.db.user.findFirstOrThrow({ where: { id: ctx.user.id, workspaceId: ctx.workspace.id }, select: { twoFactor: true, role: true } });
  const active = me.twoFactor === "ACTIVE";
  const required = (await readWorkspaceSettings(ctx.db, ctx.workspace.id)).requireAdminTwoFactor && isAdminRole(me.role);
  return (
    <>
      <Breadcrumb parent={{ href: "/console/settings", label: "Settings" }} current="Two-factor authentication" />
      <PageHeader title="Two-factor authentication" description="A code from an app on your phone, asked for at sign-in after your password." />
      <section aria-labelledby="tfa-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="tfa-heading" className="mb-4 text-base font-semibold text-ink">
          {active ? "2FA is on" : "Set up 2FA"}
        </h2>
        {active ? (
          <div className="space-y-5">
            <p className="text-sm text-slate-700" data-testid="two-factor-status">
              Status: <strong>Active</strong>. Recovery codes left: {await recoveryCodesLeft(ctx.db, { id: ctx.user.id, workspaceId: ctx.workspace.id })} of 10.
            </p>
            <div className="border-t border-slate-100 pt-5">
              <h3 className="mb-3 text-sm font-semibold text-ink">Recovery codes</h3>
              <NewRecoveryCodesForm account={ctx.user.email} />
            </div>
            <div className="border-t border-slate-100 pt-5">
              <h3 className="mb-3 text-sm font-semibold text-ink">Turn off 2FA</h3>
              {required ? (
                <p className="text-sm text-slate-700">Your workspace requires two-factor authentication for administrators, so it stays on.</p>
              ) : (
                <DisableTwoFactorForm />
              )}
            </div>
          </div>
        ) : (
          <SetupSection ctx={ctx} />
        )}
      </section>
    </>
  );
}

async function SetupSection({ ctx }: { ctx: Awaited<ReturnType<typeof requireConsolePage>> }) {
  const setup = await startTwoFactorSetup(ctx);
  return <TwoFactorSetup account={ctx.user.email} keyFormatted={setup.keyFormatted} qrSvg={setup.qrSvg} enable={enableTwoFactorAction} doneHref="/console/settings" doneLabel="Back to Settings" />;
}
