import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { recordAudit } from "@/lib/audit/record";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { transaction } from "@/lib/db/transaction";
import { ADDRESS_LIMIT, LICENSED_ADDRESS_LIMIT, overLimitMessage } from "@/lib/email-address/limits";
import { AppError } from "@/lib/errors";
import { reserveUserSeats } from "@/lib/licenses/user-capacity";
import type { AddUsersInput, AddUsersResult } from "./add-users-schema";
import { newUserRow } from "./fields";
import { queueInstructions, type InstructionRecipient } from "./send-instructions";

/** The "next steps" message shows on the first this-many finishes with instructions. */
export const NEXT_STEPS_HINT_TIMES = 5;

/**
 * How many addresses one run may add: 999, or 3,000 while the workspace has
 * an active license of at least 1,000 seats (a licence for a company that size).
 */
export async function addressLimit(db: Db, workspaceId: string, now = new Date()): Promise<number> {
  const large = await db.license.count({ where: { workspaceId, revokedAt: null, expiresAt: { gt: now }, seats: { gte: 1000 } } });
  return large > 0 ? LICENSED_ADDRESS_LIMIT : ADDRESS_LIMIT;
}

/**
 * The Add users wizard's Finish: creates the new users, and when asked queues
 * each new user (and, when chosen, each existing one) an instruction email with its own enrollment
 * link, all in one transaction. A repeat with the same run key returns the
 * first run's result and writes nothing.
 */
export async function addUsers(ctx: ConsoleContext, input: AddUsersInput, opts: { baseUrl: string; now?: Date }): Promise<AddUsersResult> {
  const ws = ctx.workspace.id;
  const now = opts.now ?? new Date();
  const rows = dedupe(input.users);
  const limit = await addressLimit(ctx.db, ws, now);
  const over = overLimitMessage(rows.length, limit);
  if (over) throw new AppError("BAD_INPUT", { userMessage: over });

  const earlier = await ctx.db.actionRun.findUnique({ where: { key: input.runKey } });
  if (earlier) return sameRun(earlier, ws);

  try {
    return await transaction(ctx.db, async (tx) => {
      // Claim the run key first: a concurrent double submit fails here and reads the result below.
      await tx.actionRun.create({ data: { key: input.runKey, workspaceId: ws, kind: "users.add", result: "{}" } });
      const userRole = await tx.role.findFirstOrThrow({ where: { workspaceId: ws, key: "user" }, select: { id: true, consoleAccess: true } });
      const existing = await tx.user.findMany({
        where: { workspaceId: ws, emailNormalized: { in: rows.map((r) => r.email.toLowerCase()) } },
        select: { id: true, email: true, emailNormalized: true, displayName: true, alias: true },
      });
      const taken = new Set(existing.map((u) => u.emailNormalized));
      const created: InstructionRecipient[] = [];
      const userRows: Record<string, BulkValue>[] = [];
      for (const row of rows) {
        if (taken.has(row.email.toLowerCase())) continue;
        const user = { id: newId(), email: row.email, alias: row.alias, displayName: row.name, phone: "" };
        created.push(user);
        userRows.push(newUserRow({ ...user, workspaceId: ws, role: userRole, source: "CONSOLE", createdById: ctx.user.id, now }));
      }
      // The seat rule, in the transaction that inserts: a refusal rolls back the run key too.
      await reserveUserSeats(tx, ws, userRows.length, now);
      await bulkInsert(tx, "User", userRows);
      // Existing users are emailed only when the admin chose it on the Send instructions step.
      const recipients = input.emailExisting ? [...created, ...existing] : created;
      const emailed = input.sendInstructions ? await queueInstructions(tx, ctx, recipients, { baseUrl: opts.baseUrl, now }) : 0;

      let showNextSteps = false;
      if (input.sendInstructions) {
        const bumped = await tx.user.updateMany({
          where: { id: ctx.user.id, nextStepsHintCount: { lt: NEXT_STEPS_HINT_TIMES } },
          data: { nextStepsHintCount: { increment: 1 } },
        });
        showNextSteps = bumped.count === 1;
      }
      const result: AddUsersResult = { added: created.length, existing: existing.length, emailed, showNextSteps };
      await tx.actionRun.update({ where: { key: input.runKey }, data: { result: JSON.stringify(result) } });
      await recordAudit(tx, actorOf(ctx), {
        action: "users.add",
        targetType: "user",
        targetLabel: `${created.length} users`,
        details: { added: created.length, existing: existing.length, emailed, sample: created.slice(0, 20).map((u) => u.email) },
      });
      return result;
    }, { timeout: 120_000 });
  } catch (error) {
    const raced = await ctx.db.actionRun.findUnique({ where: { key: input.runKey } });
    if (raced) return sameRun(raced, ws);
    throw error;
  }
}

/** Rows with the same address (case-insensitively) collapse into the first. */
function dedupe(rows: AddUsersInput["users"]) {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameRun(run: { workspaceId: string; result: string }, workspaceId: string): AddUsersResult {
  if (run.workspaceId !== workspaceId) throw new AppError("CONFLICT", { userMessage: "This wizard run was already used. Start again." });
  // A repeat never shows the hint a second time.
  return { ...(JSON.parse(run.result) as AddUsersResult), showNextSteps: false };
}
