import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getConsoleContext } from "@/lib/auth/context";
import { restrictedStagePage } from "@/lib/auth/restricted";
import { DEFAULT_AFTER_SIGN_IN, safeReturnTo } from "@/lib/auth/return-to";
import { anyWorkspaceExists } from "@/lib/workspaces/first-visit";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const asked = (await searchParams).next;
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
      <SignInForm next={next} />
    </>
  );
}
