import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { addressLimit } from "@/lib/users/add-users";
import { AddUsersWizardLoader } from "./add-users-wizard-loader";

export const metadata: Metadata = { title: "Add users" };

export default async function AddUsersPage() {
  const ctx = await requireConsolePage("page /console/users/add");
  const limit = await addressLimit(ctx.db, ctx.workspace.id);
  return (
    <>
      <Breadcrumb parent={{ href: "/console/users", label: "Users" }} current="Add users" />
      <PageHeader title="Add users" description="Add company users by email and send them instructions for installing the security application." />
      {/* The wizard keeps its state in this tab's session storage, per administrator, so a lost Finish is retried as the same run. */}
      <AddUsersWizardLoader limit={limit} storageKey={`roster:add-users:${ctx.user.id}`} />
    </>
  );
}
