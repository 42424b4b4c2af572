import type { Tx } from "@/lib/db/client";
import { remainingUserCapacity } from "@/lib/licenses/user-capacity";
import { wouldCreateWhere } from "./categories";

/**
 * Flags the rows that would create users past the license's user limit: the
 * first rows (in file order) that fit stay unflagged, the rest are flagged,
 * never silently dropped. Run after every change that moves the line.
 */
export async function refreshLicenseFlags(tx: Tx, workspaceId: string, importRunId: string, now = new Date()): Promise<void> {
  await tx.importRow.updateMany({ where: { importRunId, overLicense: true }, data: { overLicense: false } });
  const capacity = await remainingUserCapacity(tx, workspaceId, now);
  if (capacity === null) return;
  const firstOver = await tx.importRow.findFirst({
    where: wouldCreateWhere(importRunId),
    orderBy: { rowNumber: "asc" },
    skip: capacity,
    select: { rowNumber: true },
  });
  if (!firstOver) return;
  await tx.importRow.updateMany({
    where: { ...wouldCreateWhere(importRunId), rowNumber: { gte: firstOver.rowNumber } },
    data: { overLicense: true },
  });
}
