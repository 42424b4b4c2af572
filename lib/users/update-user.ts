import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isAdminRole } from "@/lib/auth/permissions";
import { assertAdminsRemain, assertMayGrantRole, granterOf } from "./admin-rules";
import { derivedUserColumns } from "./fields";
import type { UpdateUserInput } from "./schema";
import { transaction } from "@/lib/db/transaction";
import { publicBaseUrl } from "@/lib/http/base-url";
import { applyConsoleAccessChange } from "./console-access-change";

/**
 * Edits a user's email, name, phone and role (User Info tab); the role only
 * as the grant rule allows. A role that newly reaches the console mails an
 * activation link to a user without a password (`baseUrl` is the link's).
 */
export async function updateUser(ctx: ConsoleContext, input: UpdateUserInput, opts: { baseUrl?: string; now?: Date } = {}) {
  const ws = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, workspaceId: ws },
      include: { role: true },
    });
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "This user no longer exists." });
    const role = await tx.role.findFirst({ where: { id: input.roleId, workspaceId: ws } });
    if (!role) throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { roleId: ["Choose a role of this workspace"] } });

    const derived = derivedUserColumns({ email: input.email, alias: user.alias, displayName: input.displayName, phone: input.phone });
    if (derived.emailNormalized !== user.emailNormalized) {
      const taken = await tx.user.findFirst({ where: { workspaceId: ws, emailNormalized: derived.emailNormalized }, select: { id: true } });
      if (taken) {
        throw new AppError("CONFLICT", { userMessage: "Check the highlighted fields.", fieldErrors: { email: ["Another user already has this email"] } });
      }
    }
    assertMayGrantRole(granterOf(ctx), { userId: user.id, from: user.role, to: role });
    if (isAdminRole(user.role) && !isAdminRole(role)) await assertAdminsRemain(tx, ws, [user.id]);

    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        email: input.email,
        displayName: input.displayName,
        phone: input.phone,
        roleId: role.id,
        ...derived,
      },
    });
    // Console roles can use 2FA; others cannot sign in at all (lib/users/console-access-change.ts).
    const activation = await applyConsoleAccessChange(tx, ctx, [updated.id], { from: user.role, to: role }, { baseUrl: opts.baseUrl ?? publicBaseUrl(new Headers()), now: opts.now });

    const changed: string[] = (["email", "displayName", "phone"] as const).filter((k) => user[k] !== input[k]);
    if (user.roleId !== role.id) changed.push("role");
    await recordAudit(tx, actorOf(ctx), {
      action: "user.update",
      targetType: "user",
      targetId: user.id,
      targetLabel: updated.email,
      details: { changed, ...(user.roleId !== role.id ? { role: { from: user.role.name, to: role.name } } : {}), ...(activation > 0 ? { activation: true } : {}) },
    });
    return { id: updated.id };
  });
}
