import type { ConsoleContext } from "./console-context";
import { sha256 } from "@/lib/crypto/tokens";
import { describeDevice, type DeviceDescription } from "./describe-device";
import { idleCutoff } from "./sessions";
import { sessionIdleMinutes } from "./session-policy";

export type OwnSession = {
  id: string;
  device: DeviceDescription;
  address: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session this request is made with. */
  current: boolean;
};

/**
 * The signed-in person's live sessions (not expired, not idle), this
 * browser's first, then by last activity. Only the context's own user's rows
 * are read: the query names them, inside the workspace-scoped client.
 */
export async function listOwnSessions(ctx: ConsoleContext, now = new Date(), idleMinutes = sessionIdleMinutes()): Promise<OwnSession[]> {
  const rows = await ctx.db.session.findMany({
    where: { workspaceId: ctx.workspace.id, userId: ctx.user.id, expiresAt: { gt: now }, lastSeenAt: { gt: idleCutoff(now, idleMinutes) } },
    select: { id: true, idHash: true, userAgent: true, address: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const mine = sha256(ctx.sid);
  return rows
    .map((r) => ({ id: r.id, device: describeDevice(r.userAgent), address: r.address, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, expiresAt: r.expiresAt, current: r.idHash === mine }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
