import type { Db } from "@/lib/db/client";

/** One device of the workspace with its user and the token it enrolled with (its prefix only). */
export function getDevice(db: Db, workspaceId: string, id: string) {
  return db.device.findFirst({
    where: { id, workspaceId },
    select: {
      id: true, osFamily: true, osVersion: true, name: true, model: true, components: true, enrolledAt: true, lastActivityAt: true,
      user: { select: { id: true, email: true, displayName: true, alias: true } },
      enrollmentToken: { select: { prefix: true, kind: true, revokedAt: true } },
    },
  });
}
