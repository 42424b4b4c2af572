import { AppError } from "@/lib/errors";

/** Whether a failed write broke a unique index (Prisma's P2002): for a group, the name is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** The refusal shown at the name field when another group of the workspace has the name (in any letter case). */
export function nameTaken(name: string): AppError {
  return new AppError("CONFLICT", { userMessage: "Check the highlighted fields.", fieldErrors: { name: [`A group named “${name}” already exists (names are compared ignoring case)`] } });
}
