import { AppError } from "@/lib/errors";
import { enrollmentQrSvg } from "@/lib/enrollment/qr-code";
import type { SelfContext } from "./self-context";
import { formatTotpKey, newTotpSecret, totpUri } from "./totp";
import { openTotpSeed, sealTotpSeed } from "./totp-seal";

export type TwoFactorSetup = { key: string; keyFormatted: string; uri: string; qrSvg: string };

/**
 * The seed the signed-in person is setting up, made on first call and kept
 * (sealed, in totpPendingSecret) until a code enables it, so reloading the
 * page shows the same QR code as the one already scanned. The set-if-empty
 * update keeps two tabs from making two seeds.
 */
export async function startTwoFactorSetup(self: SelfContext): Promise<TwoFactorSetup> {
  const where = { id: self.user.id, workspaceId: self.workspace.id };
  const fresh = newTotpSecret();
  await self.db.user.updateMany({ where: { ...where, totpPendingSecret: null, twoFactor: { not: "ACTIVE" } }, data: { totpPendingSecret: sealTotpSeed(fresh, self.user.id) } });
  const row = await self.db.user.findFirstOrThrow({ where, select: { totpPendingSecret: true, twoFactor: true } });
  if (row.twoFactor === "ACTIVE") throw new AppError("CONFLICT", { userMessage: "Two-factor authentication is already on." });
  if (!row.totpPendingSecret) throw new AppError("CONFLICT", { userMessage: "Reload the page to start the setup again." });
  const key = openTotpSeed(row.totpPendingSecret, self.user.id);
  const uri = totpUri(key, self.user.email);
  return { key, keyFormatted: formatTotpKey(key), uri, qrSvg: await enrollmentQrSvg(uri) };
}
