import type { Db } from "@/lib/db/client";

/** A page of the workspace's devices, most recently active first, with their owners. */
export async function listDevices(db: Db, workspaceId: string, page: number, size = 50) {
  const [rows, total] = await Promise.all([
    db.device.findMany({
      where: { workspaceId },
      orderBy: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true, osFamily: true, osVersion: true, name: true, model: true, components: true, lastActivityAt: true,
        user: { select: { id: true, email: true, displayName: true, alias: true } },
      },
    }),
    db.device.count({ where: { workspaceId } }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}

/** How each OS family is written in the console. */
export const osLabels = { WINDOWS: "Windows", MACOS: "macOS", LINUX: "Linux", ANDROID: "Android", IOS: "iOS", IPADOS: "iPadOS" } as const;
