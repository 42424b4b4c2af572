import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { sha256 } from "@/lib/crypto/tokens";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { enrollmentQrSvg } from "./qr-code";
import { enrollmentLink, newEnrollmentToken } from "./tokens";

export type ManualEnrollmentLink = { link: string; prefix: string; expiresAt: string; qrSvg: string; userName: string };

/**
 * Enroll Device: a new enrollment link for one user, made by an
 * administrator enrolling a device on the user's behalf. No email is sent;
 * the link is returned once (only its hash is stored), with its QR code.
 */
export async function createEnrollmentLinkForUser(ctx: ConsoleContext, input: { userId: string }, opts: { baseUrl: string; now?: Date }): Promise<ManualEnrollmentLink> {
  const ws = ctx.workspace.id;
  const now = opts.now ?? new Date();
  const made = await transaction(ctx.db, async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, workspaceId: ws }, select: { id: true, email: true, displayName: true, alias: true } });
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "This user no longer exists." });
    const fresh = newEnrollmentToken(now);
    const row = await tx.enrollmentToken.create({
      data: { workspaceId: ws, userId: user.id, createdById: ctx.user.id, tokenHash: sha256(fresh.token), prefix: fresh.prefix, kind: "MANUAL", expiresAt: fresh.expiresAt, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, actorOf(ctx), {
      action: "token.create",
      targetType: "enrollmentToken",
      targetId: row.id,
      targetLabel: `${fresh.prefix}… (${user.email})`,
      details: { userId: user.id, prefix: fresh.prefix, emailed: false },
    });
    return { fresh, user };
  });
  const link = enrollmentLink(opts.baseUrl, made.fresh.token);
  return { link, prefix: made.fresh.prefix, expiresAt: made.fresh.expiresAt.toISOString(), qrSvg: await enrollmentQrSvg(link), userName: made.user.displayName || made.user.alias };
}
