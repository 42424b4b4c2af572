import type { Db } from "@/lib/db/client";

/** The workspace's licenses, latest expiry first. */
export function listLicenses(db: Db, workspaceId: string) {
  return db.license.findMany({ where: { workspaceId }, orderBy: [{ expiresAt: "desc" }, { id: "asc" }] });
}
