import { actorOf, type ConsoleContext } from "@/lib/auth/console-context";
import { endUserSessions } from "@/lib/auth/sessions";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import type { ImportOutcome } from "@/lib/db/generated/postgresql/client.ts";
import type { Db, Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { lockUserSeats } from "@/lib/licenses/user-capacity";
import { isAdminRole } from "@/lib/auth/permissions";
import { clearedTotp, twoFactorForRole } from "@/lib/auth/two-factor-state";
import { adminsRemaining, currentGranter, LAST_ADMIN_MESSAGE, mayGrantRole, roleGrantRefusal } from "@/lib/users/admin-rules";
import { aliasFromEmail, derivedUserColumns, newUserRow } from "@/lib/users/fields";
import { pauseAfter, type Pacing } from "./pacing";
import { valuesOf } from "./read-import";
import { notGrantableMessage, OVER_LICENSE_MESSAGE, splitGroups, updatedFields, type ImportValues, type RowIssue } from "./row";

/** Rows per transaction: small enough to keep locks short, large enough that per-batch queries stay cheap. */
export const IMPORT_BATCH = 2000;
/** How long a worker holds an import it checks or runs before another may take it over. */
export const IMPORT_LEASE_MS = 60_000;

/**
 * "Create accounts": moves an import from review to running. Idempotent: a
 * second click, or another tab, finds it running or done and changes nothing.
 * The rows are processed by the worker process (lib/imports/worker.ts).
 */
export async function startImport(ctx: ConsoleContext, input: { importId: string }, now = new Date()): Promise<void> {
  // The conditional update and the read of its outcome in one transaction, so the read sees what the update decided.
  await transaction(ctx.db, async (tx) => {
    const started = await tx.importRun.updateMany({
      where: { id: input.importId, workspaceId: ctx.workspace.id, status: "REVIEW" },
      // No lease: the worker process takes it within a second (lib/imports/worker.ts).
      data: { status: "RUNNING", startedAt: now, lockedUntil: null },
    });
    const run = await tx.importRun.findFirst({ where: { id: input.importId, workspaceId: ctx.workspace.id } });
    if (!run) throw new AppError("NOT_FOUND", { userMessage: "This import no longer exists." });
    if (run.status === "CANCELLED") throw new AppError("CONFLICT", { userMessage: "This import was cancelled. Upload the file again." });
    // Not started by this call and not running: some other change won; say so rather than pretend.
    if (started.count === 0 && run.status === "REVIEW") throw new AppError("CONFLICT", { userMessage: "This import changed meanwhile. Try again." });
    if (started.count === 1) {
      // The file was kept for choosing its columns again; from here on the rows are what counts.
      await tx.importUpload.deleteMany({ where: { importRunId: run.id } });
      await recordAudit(tx, actorOf(ctx), { action: "users.import.start", targetType: "import", targetId: run.id, targetLabel: run.fileName, details: { existing: run.existingMode } });
    }
  });
}

/** Processes a running import batch by batch until it is done (or another processor has it). */
export async function processImport(db: Db, importId: string, pacing?: Pacing): Promise<void> {
  for (;;) {
    const started = performance.now();
    // Each batch commits on its own; the cursor moved with it.
    if (!(await processImportBatch(db, importId, { batch: pacing?.batch }))) return;
    await pauseAfter(pacing, started);
  }
}

/**
 * One batch of a running import, in one transaction: the rows after the
 * cursor are created, updated, skipped or failed, their outcomes stored,
 * and the cursor moved past them. A crash leaves the cursor at the last
 * committed batch, so resuming neither skips nor repeats a row. Returns
 * whether there may be more to do.
 */
export async function processImportBatch(db: Db, importId: string, opts: { batch?: number; now?: Date } = {}): Promise<boolean> {
  const batch = opts.batch ?? IMPORT_BATCH;
  return transaction(
    db,
    async (tx) => {
      const now = opts.now ?? new Date();
      const run = await tx.importRun.findUnique({ where: { id: importId } });
      if (!run || run.status !== "RUNNING") return false;
      // The claim comes first: a second processor of the same batch waits on this row and then finds the cursor moved.
      const claimed = await tx.importRun.updateMany({
        where: { id: run.id, status: "RUNNING", cursor: run.cursor },
        data: { lockedUntil: new Date(now.getTime() + IMPORT_LEASE_MS) },
      });
      if (claimed.count === 0) return false;
      const actor: Actor = { workspaceId: run.workspaceId, actorId: run.createdById, actorEmail: run.createdByEmail };

      const rows = await tx.importRow.findMany({ where: { importRunId: run.id, rowNumber: { gt: run.cursor } }, orderBy: { rowNumber: "asc" }, take: batch });
      if (rows.length === 0) {
        await tx.importRun.update({ where: { id: run.id }, data: { status: "DONE", finishedAt: now, lockedUntil: null } });
        await recordAudit(tx, actor, {
          action: "users.import",
          targetType: "import",
          targetId: run.id,
          targetLabel: run.fileName,
          details: { rows: run.rowCount, created: run.created, updated: run.updated, skipped: run.skipped, failed: run.failed },
        });
        return false;
      }

      const outcomes = await applyRows(tx, { ...run, actor, now }, rows);
      const count = (o: ImportOutcome) => outcomes.filter((x) => x.outcome === o).length;
      await storeOutcomes(tx, run.id, outcomes);
      await tx.importRun.update({
        where: { id: run.id },
        data: {
          cursor: rows[rows.length - 1].rowNumber,
          created: { increment: count("CREATED") },
          updated: { increment: count("UPDATED") },
          skipped: { increment: count("SKIPPED") },
          failed: { increment: count("FAILED") },
        },
      });
      return true;
    },
    { timeout: 120_000 },
  );
}

type StoredRow = ImportValues & { rowNumber: number; emailNormalized: string; issues: string; excluded: boolean };
type RowOutcome = { rowNumber: number; outcome: ImportOutcome; reason: string | null; existingUserId?: string };
type RunInfo = { id: string; workspaceId: string; existingMode: "SKIP" | "UPDATE"; createdById: string | null; actor: Actor; now: Date };

/** Decides and writes each row of a batch; returns what happened to each. */
async function applyRows(tx: Tx, run: RunInfo, rows: StoredRow[]): Promise<RowOutcome[]> {
  const ws = run.workspaceId;
  // The seat rule's lock first: a wizard or Create user racing this batch counts after it, and it after them.
  const seats = await lockUserSeats(tx, ws, run.now);
  let capacity = seats ? seats.remaining : null;
  const roles = await tx.role.findMany({ where: { workspaceId: ws }, select: { id: true, name: true, key: true, permissions: true, consoleAccess: true } });
  const roleByName = new Map(roles.map((r) => [r.name.toLowerCase(), r]));
  const defaultRole = roles.find((r) => r.key === "user") ?? roles[0];
  const usable = rows.filter((r) => !r.excluded && r.issues === "[]");
  const existing = await tx.user.findMany({
    where: { workspaceId: ws, emailNormalized: { in: usable.map((r) => r.emailNormalized) } },
    include: { role: { select: { id: true, name: true, key: true, permissions: true, consoleAccess: true } }, memberships: { select: { groupId: true } } },
  });
  // Read again each batch: a role taken away since the upload no longer counts.
  const granter = await currentGranter(tx, ws, run.createdById);
  const existingByEmail = new Map(existing.map((u) => [u.emailNormalized, u]));

  const outcomes: RowOutcome[] = [];
  const newUsers: Record<string, BulkValue>[] = [];
  const memberships: { userId: string; groups: string[]; current: Set<string> }[] = [];
  const demotedAdmins: string[] = [];
  const losingConsole: string[] = [];

  for (const row of rows) {
    const done = (outcome: ImportOutcome, reason: string | null = null) => outcomes.push({ rowNumber: row.rowNumber, outcome, reason });
    if (row.excluded) { done("SKIPPED", "Excluded on the review step"); continue; }
    if (row.issues !== "[]") { done("FAILED", (JSON.parse(row.issues) as RowIssue[]).map((i) => i.message).join("; ")); continue; }
    const values = valuesOf(row);
    const role = values.role ? roleByName.get(values.role.toLowerCase()) : undefined;
    if (values.role && !role) { done("FAILED", `Unknown role "${values.role}"`); continue; }
    const groups = splitGroups(values.groups);
    const user = existingByEmail.get(row.emailNormalized);
    let roleChange: { from: string; to: string } | null = null;
    // The review flagged these; the importer's permissions are read again in case they changed since.
    if (role && !user && !mayGrantRole(granter, role)) { done("FAILED", notGrantableMessage(role.name)); continue; }

    if (user) {
      if (run.existingMode === "SKIP") { done("SKIPPED", "Already a user"); continue; }
      const data: Record<string, unknown> = updatedFields(user, values);
      if (role && role.id !== user.roleId) {
        const refusal = roleGrantRefusal(granter, { userId: user.id, from: user.role, to: role });
        if (refusal) { done("FAILED", refusal); continue; }
        if (isAdminRole(user.role) && !isAdminRole(role)) {
          if ((await adminsRemaining(tx, ws, [...demotedAdmins, user.id])) === 0) { done("FAILED", LAST_ADMIN_MESSAGE); continue; }
          demotedAdmins.push(user.id);
        }
        roleChange = { from: user.role.name, to: role.name };
        data.roleId = role.id;
        if (role.consoleAccess !== user.role.consoleAccess) Object.assign(data, { twoFactor: twoFactorForRole(role), ...clearedTotp });
        if (user.role.consoleAccess && !role.consoleAccess) losingConsole.push(user.id);
      }
      const current = new Set(user.memberships.map((m) => m.groupId));
      memberships.push({ userId: user.id, groups, current });
      if (Object.keys(data).length > 0) {
        const next = { email: user.email, alias: user.alias, displayName: (data.displayName as string) ?? user.displayName, phone: (data.phone as string) ?? user.phone };
        await tx.user.update({ where: { id: user.id }, data: { ...data, ...derivedUserColumns(next), updatedAt: run.now } });
        // Audited per user as User Info audits the same change.
        const changed = [...new Set(Object.keys(data).map((k) => (k === "roleId" ? "role" : k === "twoFactor" || k.startsWith("totp") ? null : k)).filter((k): k is string => k !== null))];
        await recordAudit(tx, run.actor, {
          action: "user.update",
          targetType: "user",
          targetId: user.id,
          targetLabel: user.email,
          details: { changed, ...(roleChange ? { role: roleChange } : {}), import: run.id },
        });
        done("UPDATED");
      } else {
        // Joining a group alone counts as an update, once we know (below) the user was not in it.
        outcomes.push({ rowNumber: row.rowNumber, outcome: "SKIPPED", reason: UNCHANGED, existingUserId: user.id });
      }
      continue;
    }

    if (capacity !== null && capacity <= 0) { done("FAILED", OVER_LICENSE_MESSAGE); continue; }
    if (capacity !== null) capacity--;
    const chosen = role ?? defaultRole;
    const id = newId();
    newUsers.push(
      newUserRow({
        id, workspaceId: ws, email: row.email, alias: aliasFromEmail(row.email), displayName: values.name, phone: values.phone, role: chosen,
        source: "CSV", importRunId: run.id, createdById: run.createdById, now: run.now,
        exchange: values.exchangeDomain && values.exchangeUsername ? { domain: values.exchangeDomain, username: values.exchangeUsername } : null,
      }),
    );
    memberships.push({ userId: id, groups, current: new Set() });
    done("CREATED");
  }

  await bulkInsert(tx, "User", newUsers);
  if (losingConsole.length > 0) {
    await endUserSessions(tx, ws, losingConsole);
    await tx.recoveryCode.deleteMany({ where: { workspaceId: ws, userId: { in: losingConsole } } });
  }
  const joined = await addMemberships(tx, run, memberships);
  // An existing user whose only change is joining a group was updated after all.
  for (const o of outcomes) {
    if (o.existingUserId && o.reason === UNCHANGED && joined.has(o.existingUserId)) {
      o.outcome = "UPDATED";
      o.reason = null;
    }
  }
  return outcomes;
}

const UNCHANGED = "Already a user; nothing to change";


/** Finds or creates the groups the rows name and adds each user to those it is not in yet; returns the users who joined one. */
async function addMemberships(tx: Tx, run: RunInfo, wanted: { userId: string; groups: string[]; current: Set<string> }[]): Promise<Set<string>> {
  const names = new Map<string, string>();
  wanted.forEach((w) => w.groups.forEach((g) => names.has(g.toLowerCase()) || names.set(g.toLowerCase(), g)));
  if (names.size === 0) return new Set();
  const ws = run.workspaceId;
  const found = await tx.group.findMany({ where: { workspaceId: ws, nameNormalized: { in: [...names.keys()] } }, select: { id: true, nameNormalized: true } });
  const idByName = new Map(found.map((g) => [g.nameNormalized, g.id]));
  for (const [nameNormalized, name] of names) {
    if (idByName.has(nameNormalized)) continue;
    const group = await tx.group.create({ data: { workspaceId: ws, name, nameNormalized, createdById: run.createdById, createdAt: run.now }, select: { id: true } });
    idByName.set(nameNormalized, group.id);
    await recordAudit(tx, run.actor, { action: "group.create", targetType: "group", targetId: group.id, targetLabel: name, details: { import: run.id } });
  }
  const rows: Record<string, BulkValue>[] = [];
  const joined = new Set<string>();
  for (const w of wanted) {
    for (const g of w.groups) {
      const groupId = idByName.get(g.toLowerCase())!;
      if (w.current.has(groupId)) continue;
      w.current.add(groupId);
      joined.add(w.userId);
      rows.push({ groupId, userId: w.userId, workspaceId: ws, createdById: run.createdById, createdAt: run.now });
    }
  }
  await bulkInsert(tx, "GroupMember", rows);
  return joined;
}

/**
 * Writes the batch's outcomes with one statement per distinct outcome and
 * reason. Created rows are left as they are: rewriting every row of a large
 * import cost a tenth of its time, and a row the cursor has passed with no
 * outcome was created (the run's `created` count says how many).
 */
async function storeOutcomes(tx: Tx, importRunId: string, outcomes: RowOutcome[]): Promise<void> {
  const byKey = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    if (o.outcome === "CREATED") continue;
    const key = `${o.outcome}\u0000${o.reason ?? ""}`;
    const group = byKey.get(key);
    if (group) group.push(o);
    else byKey.set(key, [o]);
  }
  for (const group of byKey.values()) {
    const { outcome, reason } = group[0];
    await tx.importRow.updateMany({
      where: { importRunId, rowNumber: { in: group.map((o) => o.rowNumber) } },
      data: { outcome, outcomeReason: reason },
    });
  }
}

/** Takes a running import no worker holds (none yet, or its worker stopped and the lease lapsed); false when another has it. */
export async function claimImport(db: Db, importId: string, now = new Date()): Promise<boolean> {
  const claimed = await db.importRun.updateMany({
    where: { id: importId, status: "RUNNING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + IMPORT_LEASE_MS) },
  });
  return claimed.count === 1;
}
