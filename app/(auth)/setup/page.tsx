import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { setupIsOpen } from "@/lib/workspaces/first-visit";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Create your workspace" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await setupIsOpen())) redirect("/sign-in");
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Create your workspace</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Your company&apos;s workspace holds its users and devices. You will be its first administrator.
      </p>
      <SetupForm />
    </>
  );
}
