import { sha256 } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { credentialSchema, type HeartbeatBody } from "./schema";

export const unknownCredentialMessage =
  "This device is not connected to your company's account any more. Connect it again with the link from your email, or ask your administrator for a new message.";

/** Records a device's check-in: last activity, active components and, when sent, its OS version. */
export async function recordHeartbeat(db: Db, credential: string, input: HeartbeatBody, now = new Date()): Promise<{ deviceId: string; lastActivityAt: Date }> {
  if (!credentialSchema.safeParse(credential).success) throw new AppError("UNAUTHENTICATED", { userMessage: unknownCredentialMessage });
  const device = await db.device.findUnique({ where: { credentialHash: sha256(credential) }, select: { id: true } });
  if (!device) throw new AppError("UNAUTHENTICATED", { userMessage: unknownCredentialMessage });
  const updated = await db.device.updateMany({
    where: { id: device.id },
    data: {
      lastActivityAt: now,
      components: [...new Set(input.components)].join(" "),
      ...(input.osVersion !== undefined ? { osVersion: input.osVersion } : {}),
    },
  });
  // Deleted between the read and the write (its user was deleted): same as never enrolled.
  if (updated.count === 0) throw new AppError("UNAUTHENTICATED", { userMessage: unknownCredentialMessage });
  return { deviceId: device.id, lastActivityAt: now };
}
