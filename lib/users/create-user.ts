import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { twoFactorForRole } from "@/lib/auth/two-factor-state";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { reserveUserSeats } from "@/lib/licenses/user-capacity";
import { assertMayGrantRole, granterOf } from "./admin-rules";
import type { CreateUserInput, CreateUserResult } from "./create-user-schema";
import { aliasFromEmail, derivedUserColumns } from "./fields";
import { queueInstructions } from "./send-instructions";
import { queueActivationEmail } from "@/lib/auth/passwords";

/**
 * The Create user form: one user with its role, group (found case-insensitively
 * or created) and, when chosen, an instruction email, all in one transaction.
 */
export async function createUser(ctx: ConsoleContext, input: CreateUserInput, opts: { baseUrl: string; now?: Date }): Promise<CreateUserResult> {
  const ws = ctx.workspace.id;
  return transaction(ctx.db, async (tx) => {
    const now = opts.now ?? new Date();
    const role = await tx.role.findFirst({ where: { id: input.roleId, workspaceId: ws }, select: { id: true, key: true, name: true, permissions: true, consoleAccess: true } });
    if (!role) throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { roleId: ["Choose a role of this workspace"] } });
    assertMayGrantRole(granterOf(ctx), { userId: null, from: null, to: role });

    const profile = { email: input.email, alias: aliasFromEmail(input.email), displayName: input.displayName, phone: input.phone };
    const derived = derivedUserColumns(profile);
    const taken = await tx.user.findFirst({ where: { workspaceId: ws, emailNormalized: derived.emailNormalized }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", { userMessage: "Check the highlighted fields.", fieldErrors: { email: ["Another user already has this email"] } });

    await reserveUserSeats(tx, ws, 1, now);
    const exchange = input.exchangeDomain && input.exchangeUsername;
    const user = await tx.user.create({
      data: {
        workspaceId: ws,
        ...profile,
        ...derived,
        roleId: role.id,
        twoFactor: twoFactorForRole(role),
        exchangeDomain: exchange ? input.exchangeDomain : null,
        exchangeUsername: exchange ? input.exchangeUsername : null,
        source: "CONSOLE",
        createdById: ctx.user.id,
        createdAt: now,
      },
      select: { id: true, workspaceId: true, email: true, alias: true, displayName: true },
    });

    let group: { id: string; name: string } | null = null;
    if (input.group) {
      const nameNormalized = input.group.toLowerCase();
      group = await tx.group.upsert({
        where: { workspaceId_nameNormalized: { workspaceId: ws, nameNormalized } },
        create: { workspaceId: ws, name: input.group, nameNormalized, createdById: ctx.user.id, createdAt: now },
        update: {},
        select: { id: true, name: true },
      });
      await tx.groupMember.create({ data: { groupId: group.id, userId: user.id, workspaceId: ws, createdById: ctx.user.id, createdAt: now } });
    }

    const queued = input.sendInstructions ? await queueInstructions(tx, ctx, [user], { baseUrl: opts.baseUrl, now }) : 0;
    // Someone who may sign in gets a link to set their first password (there is no other way to get one).
    if (role.consoleAccess) await queueActivationEmail(tx, user, { companyName: ctx.workspace.name, baseUrl: opts.baseUrl, createdById: ctx.user.id }, now);
    await recordAudit(tx, actorOf(ctx), {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      targetLabel: user.email,
      details: { role: role.name, group: group?.name ?? null, exchange: Boolean(exchange), instructions: queued > 0, activation: role.consoleAccess },
    });
    return { id: user.id, queued };
  });
}
