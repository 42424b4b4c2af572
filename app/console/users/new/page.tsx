import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireConsolePage } from "@/lib/auth/context";
import { listRoles } from "@/lib/users/get-user";
import { CreateUserForm } from "./create-user-form";

export const metadata: Metadata = { title: "Create user" };

export default async function CreateUserPage() {
  const ctx = await requireConsolePage("users.write");
  const [roles, groups] = await Promise.all([
    listRoles(ctx.db, ctx.workspace.id),
    ctx.db.group.findMany({ where: { workspaceId: ctx.workspace.id }, orderBy: { nameNormalized: "asc" }, take: 1000, select: { name: true } }),
  ]);
  const defaultRoleId = roles.find((r) => r.key === "user")?.id ?? roles[0]?.id ?? "";
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/console/users" className="text-brand-700 hover:underline">Users</Link>
        <span aria-hidden="true" className="mx-1 text-slate-400">/</span>
        <span className="text-slate-600">Create user</span>
      </nav>
      <PageHeader title="Create user" description="Add one user with their role and group, and send them instructions for installing the security application." />
      <CreateUserForm roles={roles.map((r) => ({ id: r.id, name: r.name }))} defaultRoleId={defaultRoleId} groups={groups.map((g) => g.name)} />
    </>
  );
}
