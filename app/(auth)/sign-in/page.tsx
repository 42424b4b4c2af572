import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getConsoleContext } from "@/lib/auth/context";
import { restrictedStagePage } from "@/lib/auth/restricted";
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from "@/lib/auth/return-to";
import { sessionIdleMinutes } from "@/lib/auth/session-policy";
import { plural } from "@/lib/format";
import { anyWorkspaceExists } from "@/lib/workspaces/first-visit";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reason?: string | string[]; password?: string }> }) {
  const { next: asked, reason, password } = await searchParams;
  const next = safeReturnTo(Array.isArray(asked) ? asked[0] : asked);
  if (!(await anyWorkspaceExists())) redirect("/setup");
  if (await getConsoleContext()) redirect(next ?? DEFAULT_AFTER_SIGN_IN);
  // Signed in but with a step to finish first (a new password, 2FA setup): that step's page.
  const step = await restrictedStagePage();
  if (step) redirect(step);
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Sign in to Roster</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Administrators of your company&apos;s workspace sign in here.</p>
      {password === "set" ? (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Your password is set. Sign in with it.
        </p>
      ) : null}
      {reason === "idle" ? (
        <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You were signed out after {plural(sessionIdleMinutes(), "minute")} of inactivity. Sign in again to continue.
        </p>
      ) : null}
      <SignInForm next={next} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline">
          Forgot password?
        </Link>
      </p>
    </>
  );
}
