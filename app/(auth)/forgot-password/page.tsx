import type { Metadata } from "next";
import Link from "next/link";
import { LINK_LIFETIME_TEXT } from "@/lib/auth/password-links";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

/** Asks for an address and, after sending, says the same thing whether or not it belongs to an account. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const sent = (await searchParams).sent === "1";
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">{sent ? "Check your email" : "Forgot your password?"}</h1>
      {sent ? (
        <div className="mt-2 space-y-3 text-sm text-slate-700" role="status">
          <p>
            If that address belongs to an account that signs in with a Roster password, we have sent it a link to choose a new
            password. The link works once, for {LINK_LIFETIME_TEXT.RECOVERY}.
          </p>
          <p>
            No email after a few minutes? Check the spam folder, or ask an administrator of your company to send you a recovery
            email. Accounts managed by a directory (Entra ID, Okta, Google, Active Directory) change their password there.
          </p>
        </div>
      ) : (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">Enter the email you sign in with. We will send you a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-brand-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
