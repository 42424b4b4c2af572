import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { hasWorkspace } from "@/lib/workspaces/create-workspace";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Create your workspace" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if ((await hasWorkspace(getDb())) && process.env.ROSTER_OPEN_SIGNUP !== "true") redirect("/sign-in");
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
