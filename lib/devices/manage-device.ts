import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";

const gone = () => new AppError("NOT_FOUND", { userMessage: "This device is no longer enrolled." });
const labelOf = (d: { name: string; model: string }) => d.name || d.model || "Unnamed device";

/** Renames a device in the console (the agent's reported name is replaced). */
export async function renameDevice(ctx: ConsoleContext, input: { deviceId: string; name: string }): Promise<{ name: string }> {
  return ctx.db.$transaction(async (tx) => {
    const device = await tx.device.findFirst({ where: { id: input.deviceId, workspaceId: ctx.workspace.id }, select: { id: true, name: true, model: true } });
    if (!device) throw gone();
    await tx.device.updateMany({ where: { id: device.id, workspaceId: ctx.workspace.id }, data: { name: input.name } });
    await recordAudit(tx, actorOf(ctx), { action: "device.rename", targetType: "device", targetId: device.id, targetLabel: input.name, details: { from: labelOf(device) } });
    return { name: input.name };
  });
}

/**
 * Removes a device: its row (and so its credential's hash) is deleted, so
 * the agent's next call is refused at once; the user's device count follows.
 */
export async function removeDevice(ctx: ConsoleContext, input: { deviceId: string }): Promise<{ userId: string; label: string }> {
  return ctx.db.$transaction(async (tx) => {
    const device = await tx.device.findFirst({
      where: { id: input.deviceId, workspaceId: ctx.workspace.id },
      select: { id: true, name: true, model: true, osFamily: true, userId: true, user: { select: { email: true } } },
    });
    if (!device) throw gone();
    const { count } = await tx.device.deleteMany({ where: { id: device.id, workspaceId: ctx.workspace.id } });
    if (count === 0) throw gone();
    await tx.user.updateMany({ where: { id: device.userId, workspaceId: ctx.workspace.id, deviceCount: { gt: 0 } }, data: { deviceCount: { decrement: 1 } } });
    await recordAudit(tx, actorOf(ctx), {
      action: "device.remove", targetType: "device", targetId: device.id, targetLabel: labelOf(device),
      details: { user: device.user.email, osFamily: device.osFamily },
    });
    return { userId: device.userId, label: labelOf(device) };
  });
}
