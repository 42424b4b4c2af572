import type { Metadata } from "next";
import { TwoFactorSetup } from "@/components/two-factor-setup";
import { requireStagePage } from "@/lib/auth/restricted";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/auth/return-to";
import { startTwoFactorSetup } from "@/lib/auth/start-two-factor-setup";
import { SignOutLink } from "../sign-out-link";
import { enableRequiredTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Set up two-factor authentication" };
export const dynamic = "force-dynamic";

export default async function RequiredTwoFactorPage() {
  const ctx = await requireStagePage("page /account/two-factor", "SETUP_2FA");
  const setup = await startTwoFactorSetup(ctx);
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Set up two-factor authentication</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Before you continue to {ctx.workspace.name}, protect your account with a code from an app on your phone. Your workspace
        asks this of you, or your administrator reset your 2FA.
      </p>
      <TwoFactorSetup account={ctx.user.email} keyFormatted={setup.keyFormatted} qrSvg={setup.qrSvg} enable={enableRequiredTwoFactorAction} doneHref={DEFAULT_AFTER_SIGN_IN} doneLabel="Continue to the console" />
      <SignOutLink email={ctx.user.email} />
    </>
  );
}
