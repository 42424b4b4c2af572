import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { endUserSessions } from "@/lib/auth/sessions";
import { clearedTotp, twoFactorForRole } from "@/lib/auth/two-factor-state";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isAdminRole } from "@/lib/auth/permissions";
import { assertAdminsRemain, assertMayGrantRole, granterOf } from "./admin-rules";
import { derivedUserColumns } from "./fields";
import type { UpdateUserInput } from "./schema";
import { transaction } from "@/lib/db/transaction";

/** Edits a user's email, name, phone and role (User Info tab); the role only as the grant rule allows. */
export async function updateUser(ctx: ConsoleContext, input: UpdateUserInput) {
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
    const losesConsole = user.role.consoleAccess && !role.consoleAccess;
    if (isAdminRole(user.role) && !isAdminRole(role)) await assertAdminsRemain(tx, ws, [user.id]);

    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        email: input.email,
        displayName: input.displayName,
        phone: input.phone,
        roleId: role.id,
        ...derived,
        // Console roles can use 2FA; others cannot sign in at all.
        // A user leaving the console keeps no seed behind; one joining it has not set 2FA up.
        ...(role.consoleAccess !== user.role.consoleAccess ? { twoFactor: twoFactorForRole(role), ...clearedTotp } : {}),
      },
    });
    if (losesConsole) {
      await endUserSessions(tx, ws, [user.id]);
      await tx.recoveryCode.deleteMany({ where: { workspaceId: ws, userId: user.id } });
    }

    const changed: string[] = (["email", "displayName", "phone"] as const).filter((k) => user[k] !== input[k]);
    if (user.roleId !== role.id) changed.push("role");
    await recordAudit(tx, actorOf(ctx), {
      action: "user.update",
      targetType: "user",
      targetId: user.id,
      targetLabel: updated.email,
      details: { changed, ...(user.roleId !== role.id ? { role: { from: user.role.name, to: role.name } } : {}) },
    });
    return { id: updated.id };
  });
}
