import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { addressLimit } from "@/lib/users/add-users";
import { AddUsersWizard } from "./add-users-wizard";

export const metadata: Metadata = { title: "Add users" };

export default async function AddUsersPage() {
  const ctx = await requireConsolePage("users.write");
  const limit = await addressLimit(ctx.db, ctx.workspace.id);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/console/users" className="text-brand-700 hover:underline">Users</Link>
        <span aria-hidden="true" className="mx-1 text-slate-400">/</span>
        <span className="text-slate-600">Add users</span>
      </nav>
      <PageHeader title="Add users" description="Add company users by email and send them instructions for installing the security application." />
      <AddUsersWizard limit={limit} />
    </>
  );
}
