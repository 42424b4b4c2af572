import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const NAME_TAKEN = "Another profile already has this name.";

/** Refuses a name another profile of the workspace has (compared without case); `exceptId` is the profile being renamed. */
export async function assertNameFree(db: Db | Tx, workspaceId: string, name: string, exceptId?: string): Promise<void> {
  const rows = await db.profile.findMany({ where: { workspaceId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  const wanted = name.trim().toLowerCase();
  if (rows.some((r) => r.name.toLowerCase() === wanted)) throw nameTaken();
}

export function nameTaken(): AppError {
  return new AppError("CONFLICT", { userMessage: "Check the highlighted fields.", fieldErrors: { name: [NAME_TAKEN] } });
}

/** A unique-index violation (two saves racing for one name) reads as the same message. */
export function rethrowNameRace(error: unknown): never {
  if ((error as { code?: unknown }).code === "P2002") throw nameTaken();
  throw error;
}
