import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { PasswordForm } from "./password-form";
import { SettingsNav } from "./settings-nav";
import { WorkspaceForm } from "./workspace-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const ctx = await requireConsolePage("page /console/settings");
  return (
    <>
      <PageHeader title="Settings" description="Your company's workspace and your account." />
      <SettingsNav current="/console/settings" />
      <section aria-labelledby="workspace-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="workspace-heading" className="mb-4 text-base font-semibold text-ink">Workspace</h2>
        <WorkspaceForm name={ctx.workspace.name} canEdit={can(ctx, "renameWorkspaceAction")} />
      </section>
      <section aria-labelledby="password-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="password-heading" className="mb-4 text-base font-semibold text-ink">Your password</h2>
        <PasswordForm email={ctx.user.email} />
      </section>
    </>
  );
}
