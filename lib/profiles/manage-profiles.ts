import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { assertNameFree, rethrowNameRace } from "./names";
import { profileOsLabels, settingsFromForm, type ProfileOs } from "./schema";

const notFound = () => new AppError("NOT_FOUND", { userMessage: "This profile no longer exists." });

/** Creates an empty profile (it decides nothing until its settings are edited). */
export async function createProfile(ctx: ConsoleContext, input: { name: string; osFamily: ProfileOs }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    await assertNameFree(tx, ctx.workspace.id, input.name);
    const row = await tx.profile.create({ data: { workspaceId: ctx.workspace.id, name: input.name, osFamily: input.osFamily, policy: "{}" }, select: { id: true } }).catch(rethrowNameRace);
    await recordAudit(tx, actorOf(ctx), { action: "profile.create", targetType: "profile", targetId: row.id, targetLabel: input.name, details: { osFamily: profileOsLabels[input.osFamily] } });
    return row;
  });
}

/** Saves a profile's name and settings; the settings are checked against its OS's schema, each problem at its field. */
export async function updateProfile(ctx: ConsoleContext, input: { profileId: string; name: string } & Record<string, unknown>): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const profile = await tx.profile.findFirst({ where: { id: input.profileId, workspaceId: ctx.workspace.id }, select: { id: true, osFamily: true, policy: true, name: true } });
    if (!profile) throw notFound();
    const settings = settingsFromForm(profile.osFamily, input);
    if (!settings.ok) throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: settings.fieldErrors });
    await assertNameFree(tx, ctx.workspace.id, input.name, profile.id);
    const policy = JSON.stringify(settings.settings);
    await tx.profile.updateMany({ where: { id: profile.id, workspaceId: ctx.workspace.id }, data: { name: input.name, policy } }).catch(rethrowNameRace);
    await recordAudit(tx, actorOf(ctx), {
      action: "profile.update", targetType: "profile", targetId: profile.id, targetLabel: input.name,
      details: { ...(profile.name !== input.name ? { renamedFrom: profile.name } : {}), settings: settings.settings },
    });
    return { id: profile.id };
  });
}

/** Copies a profile's OS and settings under a new name (not its assignments). */
export async function duplicateProfile(ctx: ConsoleContext, input: { profileId: string; name: string }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const source = await tx.profile.findFirst({ where: { id: input.profileId, workspaceId: ctx.workspace.id }, select: { name: true, osFamily: true, policy: true } });
    if (!source) throw notFound();
    await assertNameFree(tx, ctx.workspace.id, input.name);
    const row = await tx.profile.create({ data: { workspaceId: ctx.workspace.id, name: input.name, osFamily: source.osFamily, policy: source.policy }, select: { id: true } }).catch(rethrowNameRace);
    await recordAudit(tx, actorOf(ctx), { action: "profile.create", targetType: "profile", targetId: row.id, targetLabel: input.name, details: { duplicateOf: source.name } });
    return row;
  });
}

/** Deletes a profile and its assignments; devices stop getting its settings with their next policy request. */
export async function deleteProfile(ctx: ConsoleContext, input: { profileId: string }): Promise<{ name: string }> {
  return ctx.db.$transaction(async (tx) => {
    const profile = await tx.profile.findFirst({ where: { id: input.profileId, workspaceId: ctx.workspace.id }, select: { id: true, name: true, _count: { select: { groups: true, users: true } } } });
    if (!profile) throw notFound();
    await tx.profile.deleteMany({ where: { id: profile.id, workspaceId: ctx.workspace.id } });
    await recordAudit(tx, actorOf(ctx), {
      action: "profile.delete", targetType: "profile", targetId: profile.id, targetLabel: profile.name,
      details: { groups: profile._count.groups, users: profile._count.users },
    });
    return { name: profile.name };
  });
}
