import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { listGrantableRoles } from "@/lib/users/get-user";
import { CreateUserForm } from "./create-user-form";

export const metadata: Metadata = { title: "Create user" };

export default async function CreateUserPage() {
  const ctx = await requireConsolePage("page /console/users/new");
  const [roles, groups] = await Promise.all([
    listGrantableRoles(ctx),
    ctx.db.group.findMany({ where: { workspaceId: ctx.workspace.id }, orderBy: { nameNormalized: "asc" }, take: 1000, select: { name: true } }),
  ]);
  const defaultRoleId = roles.find((r) => r.key === "user")?.id ?? roles[0]?.id ?? "";
  return (
    <>
      <Breadcrumb parent={{ href: "/console/users", label: "Users" }} current="Create user" />
      <PageHeader title="Create user" description="Add one user with their role and group, and send them instructions for installing the security application." />
      <CreateUserForm roles={roles.map((r) => ({ id: r.id, name: r.name, consoleAccess: r.consoleAccess }))} defaultRoleId={defaultRoleId} groups={groups.map((g) => g.name)} />
    </>
  );
}
