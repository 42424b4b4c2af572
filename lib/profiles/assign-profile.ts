import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";

type Assignment = { profileId: string; target: "user" | "group"; targetId: string };

async function resolve(ctx: ConsoleContext, input: Assignment) {
  const ws = ctx.workspace.id;
  const [profile, target] = await Promise.all([
    ctx.db.profile.findFirst({ where: { id: input.profileId, workspaceId: ws }, select: { id: true, name: true } }),
    input.target === "user"
      ? ctx.db.user.findFirst({ where: { id: input.targetId, workspaceId: ws }, select: { id: true, email: true } }).then((u) => (u ? { id: u.id, label: u.email } : null))
      : ctx.db.group.findFirst({ where: { id: input.targetId, workspaceId: ws }, select: { id: true, name: true } }).then((g) => (g ? { id: g.id, label: g.name } : null)),
  ]);
  if (!profile) throw new AppError("NOT_FOUND", { userMessage: "This profile no longer exists." });
  if (!target) throw new AppError("NOT_FOUND", { userMessage: input.target === "user" ? "This user no longer exists." : "This group no longer exists." });
  return { profile, target };
}

/** Applies a profile to a user or a group (applying it again changes nothing). */
export async function assignProfile(ctx: ConsoleContext, input: Assignment): Promise<{ added: boolean }> {
  const { profile, target } = await resolve(ctx, input);
  const ws = ctx.workspace.id;
  return ctx.db.$transaction(async (tx) => {
    const exists = input.target === "user"
      ? await tx.profileUser.findFirst({ where: { profileId: profile.id, userId: target.id, workspaceId: ws }, select: { profileId: true } })
      : await tx.profileGroup.findFirst({ where: { profileId: profile.id, groupId: target.id, workspaceId: ws }, select: { profileId: true } });
    if (exists) return { added: false };
    const row = { profileId: profile.id, workspaceId: ws };
    try {
      if (input.target === "user") await tx.profileUser.create({ data: { ...row, userId: target.id } });
      else await tx.profileGroup.create({ data: { ...row, groupId: target.id } });
    } catch (error) {
      // Applied by a concurrent request: the same outcome.
      if ((error as { code?: unknown }).code === "P2002") return { added: false };
      throw error;
    }
    await recordAudit(tx, actorOf(ctx), { action: "profile.assign", targetType: "profile", targetId: profile.id, targetLabel: profile.name, details: { [input.target]: target.label } });
    return { added: true };
  });
}

/** Takes a profile off a user or a group. */
export async function unassignProfile(ctx: ConsoleContext, input: Assignment): Promise<{ removed: boolean }> {
  const { profile, target } = await resolve(ctx, input);
  const ws = ctx.workspace.id;
  return ctx.db.$transaction(async (tx) => {
    const { count } = input.target === "user"
      ? await tx.profileUser.deleteMany({ where: { profileId: profile.id, userId: target.id, workspaceId: ws } })
      : await tx.profileGroup.deleteMany({ where: { profileId: profile.id, groupId: target.id, workspaceId: ws } });
    if (count > 0) await recordAudit(tx, actorOf(ctx), { action: "profile.unassign", targetType: "profile", targetId: profile.id, targetLabel: profile.name, details: { [input.target]: target.label } });
    return { removed: count > 0 };
  });
}
