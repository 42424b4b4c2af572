import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The workspace must keep at least one active administrator: refuse a change
 * that would remove (delete, demote, disable) every one of them.
 */
export async function assertAdminsRemain(tx: Tx, workspaceId: string, losingAdmin: string[]): Promise<void> {
  const remaining = await tx.user.count({
    where: { workspaceId, status: "ACTIVE", role: { key: "admin" }, id: { notIn: losingAdmin } },
  });
  if (remaining === 0) {
    throw new AppError("CONFLICT", {
      userMessage: "The workspace must keep at least one administrator. Make another user an administrator first.",
    });
  }
}
