import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { can, requireConsolePage } from "@/lib/auth/context";
import { permissionInfo, permissions } from "@/lib/auth/permissions";
import { listRoles } from "@/lib/roles/list-roles";
import { SettingsNav } from "../settings-nav";
import { RolesManager } from "./roles-manager";

export const metadata: Metadata = { title: "Roles · Settings" };

export default async function RolesPage() {
  const ctx = await requireConsolePage("page /console/settings/roles");
  const [roles, me] = await Promise.all([
    listRoles(ctx),
    ctx.db.user.findFirstOrThrow({ where: { id: ctx.user.id, workspaceId: ctx.workspace.id }, select: { roleId: true } }),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="Your company's workspace and your account." />
      <SettingsNav current="/console/settings/roles" showRoles />
      <RolesManager
        roles={roles}
        myRoleId={me.roleId}
        held={[...ctx.permissions]}
        catalogue={permissions.map((p) => ({ id: p, ...permissionInfo[p] }))}
        canEdit={can(ctx, "createRoleAction")}
      />
    </>
  );
}
