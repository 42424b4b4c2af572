import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { queueInstructions } from "@/lib/users/send-instructions";

const INVITE_BATCH = 500;

/**
 * "Invite the imported users to enroll": queues the instruction email (with
 * its own enrollment link) for every user the import created, in batches of
 * users ordered by id. Each batch moves the import's invite cursor in its
 * own transaction, so a retry or a second click goes on where the first
 * stopped and nobody gets the email twice.
 */
export async function inviteImported(ctx: ConsoleContext, input: { importId: string }, opts: { baseUrl: string }): Promise<{ invited: number }> {
  const run = await ctx.db.importRun.findFirst({ where: { id: input.importId, workspaceId: ctx.workspace.id } });
  if (!run) throw new AppError("NOT_FOUND", { userMessage: "This import no longer exists." });
  if (run.status !== "DONE") throw new AppError("CONFLICT", { userMessage: "The import has not finished yet." });

  for (;;) {
    const more = await transaction(ctx.db, async (tx) => {
      const current = await tx.importRun.findUniqueOrThrow({ where: { id: run.id }, select: { inviteCursor: true, invitedAt: true } });
      if (current.invitedAt) return false;
      const users = await tx.user.findMany({
        where: { workspaceId: ctx.workspace.id, importRunId: run.id, ...(current.inviteCursor ? { id: { gt: current.inviteCursor } } : {}) },
        orderBy: { id: "asc" },
        take: INVITE_BATCH,
        select: { id: true, email: true, displayName: true, alias: true },
      });
      if (users.length === 0) {
        const finished = await tx.importRun.findUniqueOrThrow({ where: { id: run.id }, select: { invited: true } });
        await tx.importRun.update({ where: { id: run.id }, data: { invitedAt: new Date() } });
        await recordAudit(tx, actorOf(ctx), {
          action: "users.import.invite",
          targetType: "import",
          targetId: run.id,
          targetLabel: run.fileName,
          details: { invited: finished.invited },
        });
        return false;
      }
      // Moving the cursor first makes a concurrent second click wait here, then find the batch done.
      const moved = await tx.importRun.updateMany({
        where: { id: run.id, inviteCursor: current.inviteCursor },
        data: { inviteCursor: users[users.length - 1].id, invited: { increment: users.length } },
      });
      if (moved.count === 0) return true;
      await queueInstructions(tx, ctx, users, opts);
      return true;
    }, { timeout: 120_000 });
    if (!more) break;
  }
  const done = await ctx.db.importRun.findUniqueOrThrow({ where: { id: run.id }, select: { invited: true } });
  return { invited: done.invited };
}
