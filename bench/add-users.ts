/** The Add users wizard: parsing 3,000 pasted addresses, and Finish for 3,000 users beside the same rows through the raw driver. */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { BulkValue } from "@/lib/db/bulk-insert";
import { newId } from "@/lib/db/ids";
import { parseDatabaseUrl } from "@/lib/db/url";
import { parseAddressList } from "@/lib/email-address/parse-list";
import { enrollmentTokenRow, newEnrollmentToken } from "@/lib/enrollment/tokens";
import { instructionsSubject } from "@/lib/mail/instructions";
import { emailRow } from "@/lib/mail/outbox";
import { addUsers } from "@/lib/users/add-users";
import { addUsersSchema } from "@/lib/users/add-users-schema";
import { derivedUserColumns } from "@/lib/users/fields";
import { consoleContextFor, createLicense, createWorkspace } from "@/tests/factories";
import type { BenchDatabase } from "./lib/database";
import { median } from "./lib/stats";

const COUNT = 3_000;

/** A messy paste of `count` entries: mixed separators, names, a few duplicates and mistakes. */
export function samplePaste(count = COUNT, tag = "p"): string {
  const seps = ["\n", ", ", ";", "\t", " "];
  return Array.from({ length: count }, (_, i) =>
    i % 11 === 0 ? `User ${i} <${tag}${i}@corp.example>` : i % 97 === 0 ? `not-an-address-${i}` : `${tag}${i}@corp.example`,
  ).reduce((text, entry, i) => text + entry + seps[i % seps.length], "");
}

/** Median ms to parse 3,000 pasted entries with the wizard's (browser) parser. */
export function benchParse(runs = 15): { ms: number; valid: number } {
  const text = samplePaste();
  parseAddressList(text);
  const times: number[] = [];
  let valid = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    valid = parseAddressList(text).addresses.length;
    times.push(performance.now() - t);
  }
  return { ms: median(times), valid };
}

/** Median ms of Finish (3,000 new users, tokens, queued emails) and of the same rows inserted by the raw driver. */
export async function benchFinish(bench: BenchDatabase, runs = 3): Promise<{ finishMs: number; rawMs: number }> {
  const finish: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { admin, workspace } = await createWorkspace(bench.db, { name: `Finish bench ${run}` });
    // 3,000 addresses a run need a license of at least 1,000 seats, and room for 3,000 users besides the administrator.
    await createLicense(bench.db, workspace.id, { seats: 5000, expiresAt: new Date(Date.now() + 365 * 86_400_000) });
    const ctx = await consoleContextFor(bench.db, admin.id);
    const users = Array.from({ length: COUNT }, (_, i) => ({ email: `f${run}-${i}@corp.example`, alias: `f${run}-${i}` }));
    const input = addUsersSchema.parse({ runKey: randomUUID(), users, sendInstructions: true });
    let t = performance.now();
    const result = await addUsers(ctx, input, { baseUrl: "https://roster.example" });
    finish.push(performance.now() - t);
    if (result.added !== COUNT || result.emailed !== COUNT) throw new Error(`Finish added ${result.added}, emailed ${result.emailed}`);

    const role = await bench.db.role.findFirstOrThrow({ where: { workspaceId: ctx.workspace.id, key: "user" } });
    const rows = await rawRows({ workspaceId: ctx.workspace.id, company: ctx.workspace.name, adminId: admin.id, roleId: role.id, run });
    t = performance.now();
    await rawInsert(bench, rows);
    raw.push(performance.now() - t);
  }
  return { finishMs: median(finish), rawMs: median(raw) };
}

type Rows = Record<"User" | "EnrollmentToken" | "EmailMessage", Record<string, BulkValue>[]>;

// The same rows Finish writes, built the same way, for the raw-driver comparison.
async function rawRows({ workspaceId, company, adminId, roleId, run }: { workspaceId: string; company: string; adminId: string; roleId: string; run: number }): Promise<Rows> {
  const now = new Date();
  const subject = instructionsSubject(company);
  const out: Rows = { User: [], EnrollmentToken: [], EmailMessage: [] };
  for (let i = 0; i < COUNT; i++) {
    const user = { id: newId(), email: `raw${run}-${i}@corp.example`, alias: `raw${run}-${i}`, displayName: "", phone: "" };
    out.User.push({
      ...user, ...derivedUserColumns(user), workspaceId, roleId, status: "ACTIVE", passwordHash: null, mustChangePassword: false,
      totpSecret: null, twoFactor: "NOT_AVAILABLE", lastLoginAt: null, deviceCount: 0, exchangeDomain: null, exchangeUsername: null, source: "CONSOLE",
      nextStepsHintCount: 0, createdById: adminId, createdAt: now, updatedAt: now,
    });
    const token = newEnrollmentToken(now);
    out.EnrollmentToken.push(enrollmentTokenRow({ workspaceId, userId: user.id, createdById: adminId, token, now }));
    const params = { companyName: company, name: user.alias, baseUrl: "https://roster.example" };
    out.EmailMessage.push(emailRow({ workspaceId, userId: user.id, kind: "instructions", to: user.email, subject, params, token: token.token }, now));
  }
  return out;
}

async function rawInsert(bench: BenchDatabase, rows: Rows): Promise<void> {
  const target = parseDatabaseUrl(bench.url);
  if (target.provider === "sqlite") {
    // better-sqlite3 alone: one prepared statement per table, one transaction.
    const db = new Database(target.file);
    try {
      db.transaction(() => {
        for (const [table, list] of Object.entries(rows)) {
          const columns = Object.keys(list[0]);
          const stmt = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
          for (const row of list) stmt.run(...columns.map((c) => sqliteValue(row[c])));
        }
      })();
    } finally {
      db.close();
    }
    return;
  }
  // pg alone: multi-row INSERTs of 500 rows, one transaction.
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const [table, list] of Object.entries(rows)) {
      const columns = Object.keys(list[0]);
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => `(${columns.map((c) => { params.push(row[c]); return `$${params.length}`; }).join(", ")})`);
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, params);
      }
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

// The format Prisma's SQLite adapter writes.
function sqliteValue(v: BulkValue): string | number | null {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}
