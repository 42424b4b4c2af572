import type { Metadata } from "next";
import Link from "next/link";
import { EmailAddress } from "@/components/email-address";
import { LINK_PROBLEM_TEXT, passwordLinkForPage } from "@/lib/auth/password-links";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/**
 * The page a set-password link opens. Opening it only reads the link (mail
 * scanners open links too); the form's submission uses it.
 */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await passwordLinkForPage(token);
  if (!link.ok) {
    return (
      <>
        <h1 className="text-xl font-semibold text-ink">This link cannot be used</h1>
        <p className="mt-2 text-sm text-slate-700" role="alert">
          {LINK_PROBLEM_TEXT[link.problem]}
        </p>
        <p className="mt-6 text-sm">
          <Link href="/forgot-password" className="text-brand-700 hover:underline">
            Ask for a new link
          </Link>
          <span className="text-slate-400"> · </span>
          <Link href="/sign-in" className="text-brand-700 hover:underline">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  const activation = link.purpose === "ACTIVATION";
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">{activation ? "Set your password" : "Choose a new password"}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        For <EmailAddress address={link.user.email} />. After this you sign in with the new password; every session of the
        account is signed out.
      </p>
      <SetPasswordForm token={token} email={link.user.email} label={activation ? "Set password" : "Save new password"} />
    </>
  );
}
