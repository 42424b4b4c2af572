import { recordAudit } from "@/lib/audit/record";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db/client";
import type { OsFamily } from "@/lib/db/generated/postgresql/enums.ts";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { mobileOsValues, type AgentOs, type EnrollBody } from "./schema";

export const osFamilyOf: Record<AgentOs, OsFamily> = {
  windows: "WINDOWS", macos: "MACOS", linux: "LINUX", android: "ANDROID", ios: "IOS", ipados: "IPADOS",
};

const ASK_FOR_NEW = "Ask your administrator to send you a new message.";

/** Messages the agent shows the person for each refusal. */
export const enrollMessages = {
  unknown: `This enrollment link is not valid. Check that you copied the whole link from your email, or ${ASK_FOR_NEW.charAt(0).toLowerCase()}${ASK_FOR_NEW.slice(1)}`,
  expired: `This enrollment link has expired. ${ASK_FOR_NEW}`,
  revoked: `This enrollment link has been withdrawn by your administrator. ${ASK_FOR_NEW}`,
  mobileUsed: "This message has already been used to connect a mobile device. Ask your administrator to send you a new message to connect another one.",
} as const;

/**
 * Enrolls a device with an emailed token: any number of computers, but only
 * as many phones and tablets as the token allows (one). Returns the device's
 * credential once; only its SHA-256 is stored. All or nothing.
 */
export async function enrollDevice(db: Db, input: EnrollBody, now = new Date(), address = ""): Promise<{ deviceId: string; credential: string }> {
  const tokenHash = sha256(input.token);
  const os = input.device.os;
  return transaction(db, async (tx) => {
    const token = await tx.enrollmentToken.findUnique({
      where: { tokenHash },
      select: { id: true, workspaceId: true, prefix: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true } } },
    });
    if (!token) throw new AppError("NOT_FOUND", { userMessage: enrollMessages.unknown });
    if (token.revokedAt) throw new AppError("NOT_FOUND", { userMessage: enrollMessages.revoked });
    if (token.expiresAt <= now) throw new AppError("NOT_FOUND", { userMessage: enrollMessages.expired });

    if (mobileOsValues.includes(os)) {
      // The condition is evaluated by the database under the row lock, so concurrent enrollments cannot overshoot.
      const claimed = await tx.enrollmentToken.updateMany({
        where: { id: token.id, revokedAt: null, mobileDevicesUsed: { lt: tx.enrollmentToken.fields.mobileDevicesAllowed } },
        data: { mobileDevicesUsed: { increment: 1 } },
      });
      if (claimed.count !== 1) throw new AppError("CONFLICT", { userMessage: enrollMessages.mobileUsed });
    }

    const credential = randomToken(32);
    const device = await tx.device.create({
      data: {
        workspaceId: token.workspaceId,
        userId: token.user.id,
        enrollmentTokenId: token.id,
        osFamily: osFamilyOf[os],
        osVersion: input.device.osVersion,
        name: input.device.name ?? "",
        model: input.device.model ?? "",
        components: "",
        credentialHash: sha256(credential),
        enrolledAt: now,
        lastActivityAt: now,
      },
      select: { id: true },
    });
    await tx.user.updateMany({ where: { id: token.user.id, workspaceId: token.workspaceId }, data: { deviceCount: { increment: 1 } } });
    await recordAudit(tx, { workspaceId: token.workspaceId, actorId: token.user.id, actorEmail: token.user.email, address }, {
      action: "device.enroll",
      targetType: "device",
      targetId: device.id,
      targetLabel: input.device.name || input.device.model || osFamilyOf[os],
      details: { os: osFamilyOf[os], osVersion: input.device.osVersion, tokenId: token.id, tokenPrefix: token.prefix },
    });
    return { deviceId: device.id, credential };
  });
}
