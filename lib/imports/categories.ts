import type { Prisma } from "@/lib/db/generated/postgresql/client.ts";

/** How the review step sorts rows; every row is in exactly one. */
export const importCategories = ["attention", "create", "existing", "excluded"] as const;
export type ImportCategory = (typeof importCategories)[number];

const NO_ISSUES = "[]";

/** The rows of an import in one review category, as a query condition. */
export function categoryWhere(importRunId: string, category: ImportCategory): Prisma.ImportRowWhereInput {
  switch (category) {
    case "excluded":
      return { importRunId, excluded: true };
    case "attention":
      return { importRunId, excluded: false, OR: [{ issues: { not: NO_ISSUES } }, { overLicense: true }] };
    case "create":
      return { importRunId, excluded: false, issues: NO_ISSUES, overLicense: false, existingUserId: null };
    case "existing":
      return { importRunId, excluded: false, issues: NO_ISSUES, overLicense: false, existingUserId: { not: null } };
  }
}

/** Rows that would create a user if the license allowed it: the ones the user limit is counted over. */
export function wouldCreateWhere(importRunId: string): Prisma.ImportRowWhereInput {
  return { importRunId, excluded: false, issues: NO_ISSUES, existingUserId: null };
}
