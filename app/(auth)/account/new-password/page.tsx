import type { Metadata } from "next";
import { requireStagePage } from "@/lib/auth/restricted";
import { SignOutLink } from "../sign-out-link";
import { NewPasswordForm } from "./new-password-form";

export const metadata: Metadata = { title: "Set a new password" };
export const dynamic = "force-dynamic";

export default async function NewPasswordPage() {
  const ctx = await requireStagePage("page /account/new-password", "CHANGE_PASSWORD");
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Set a new password</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Your administrator asked you to choose a new password before you continue to {ctx.workspace.name}.</p>
      <NewPasswordForm email={ctx.user.email} />
      <SignOutLink email={ctx.user.email} />
    </>
  );
}
