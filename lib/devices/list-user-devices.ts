import type { Db } from "@/lib/db/client";

/** A user's devices in the workspace, most recently active first, for the user's Associated Devices tab. */
export function listUserDevices(db: Db, workspaceId: string, userId: string) {
  return db.device.findMany({
    where: { workspaceId, userId },
    orderBy: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: 500,
    select: { id: true, osFamily: true, osVersion: true, name: true, model: true, components: true, lastActivityAt: true },
  });
}
