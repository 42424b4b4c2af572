import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Refuses, at the name field, a role name another role of the workspace
 * already has in any case. The caller holds the workspace lock, so two
 * concurrent creations of "Help desk" and "help desk" are serialised.
 */
export async function assertRoleNameFree(tx: Tx, workspaceId: string, name: string, exceptId: string | null): Promise<void> {
  const roles = await tx.role.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  const wanted = name.toLocaleLowerCase("en");
  const taken = roles.find((r) => r.id !== exceptId && r.name.toLocaleLowerCase("en") === wanted);
  if (taken) {
    throw new AppError("CONFLICT", { userMessage: "Check the highlighted fields.", fieldErrors: { name: [`A role named "${taken.name}" already exists`] } });
  }
}
