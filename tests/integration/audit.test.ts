import { describe, expect, it } from "vitest";
import { auditSearchText, recordAudit } from "@/lib/audit/record";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { auditListQuerySchema } from "@/lib/audit/schema";
import { auditEventGroups, auditEventLabel } from "@/lib/audit/event-kinds";
import { actorOf } from "@/lib/auth/console-context";
import { decodeCursor } from "@/lib/db/keyset";
import { consoleContextFor, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

const query = (q: Record<string, string> = {}) => auditListQuerySchema.parse(q);

describe("audit event names", () => {
  it("reads every account-security event in words, and an unknown code as itself", () => {
    const security = auditEventGroups.find((g) => g.id === "security")!;
    for (const code of ["auth.sign_in", "auth.sign_in_failed", "auth.lockout", "auth.session_revoke", "auth.sign_out", "auth.password_change", "auth.password_reset", "auth.recovery_request", "auth.2fa_enable", "auth.2fa_disable", "auth.2fa_reset"]) {
      expect(Object.keys(security.kinds)).toContain(code);
      expect(auditEventLabel(code)).not.toBe(code);
    }
    expect(auditEventLabel("future.thing")).toBe("future.thing");
  });

  it("drops a filter it does not know instead of failing", () => {
    expect(query({ kind: "nope", from: "2026-13-45", to: "yesterday", q: " ana " })).toMatchObject({ kind: "", from: "", to: "", q: "ana" });
    expect(query({ kind: "group:security", from: "2026-01-31" })).toMatchObject({ kind: "group:security", from: "2026-01-31" });
  });
});

describe.each(testProviders)("the audit log on %s", (provider) => {
  const db = testDb(provider);

  it("records the acting request's client address through actorOf", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    await recordAudit(ctx.db, actorOf(ctx), { action: "workspace.rename", targetType: "workspace", targetId: workspace.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "workspace.rename" } })).toMatchObject({ address: ctx.address });
  });

  it("filters by kind or group, by who or what, and by UTC days, inside the workspace, and pages by keyset", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const other = await createWorkspace(db);
    const base = Date.UTC(2026, 2, 10, 12);
    const rows = Array.from({ length: 120 }, (_, i) => {
      const actorEmail = i % 3 === 0 ? "Ana.Admin@corp.example" : admin.email;
      const targetLabel = i % 2 ? "bob_b@corp.example" : "carol@corp.example";
      return {
        workspaceId: workspace.id, actorId: admin.id, actorEmail, targetLabel, targetType: "user",
        action: ["auth.sign_in", "auth.sign_in_failed", "user.update"][i % 3],
        address: "198.51.100.9", searchText: auditSearchText(actorEmail, targetLabel),
        createdAt: new Date(base + i * 3_600_000),
      };
    });
    await db.auditEvent.createMany({ data: rows });
    await db.auditEvent.create({ data: { ...rows[0], workspaceId: other.workspace.id, actorId: null } });
    const ws = workspace.id;
    // createWorkspace wrote workspace.create too.
    expect((await listAuditEvents(db, ws, query())).total).toBe(121);
    expect((await listAuditEvents(db, ws, query({ kind: "auth.lockout" }))).total).toBe(0);
    expect((await listAuditEvents(db, ws, query({ kind: "auth.sign_in" }))).total).toBe(40);
    expect((await listAuditEvents(db, ws, query({ kind: "group:security" }))).total).toBe(80);
    // Case does not matter, on PostgreSQL either.
    expect((await listAuditEvents(db, ws, query({ q: "ana.admin" }))).total).toBe(40);
    expect((await listAuditEvents(db, ws, query({ q: "BOB_b@" }))).total).toBe(60);
    // LIKE's wildcards are literal: "_" matches only an underscore.
    expect((await listAuditEvents(db, ws, query({ q: "carol_" }))).total).toBe(0);
    // Day 2026-03-11 (UTC) holds hours 12..35 after the start: i = 12..35.
    expect((await listAuditEvents(db, ws, query({ from: "2026-03-11", to: "2026-03-11" }))).total).toBe(24);
    expect((await listAuditEvents(db, ws, query({ from: "2026-03-11", to: "2026-03-11", kind: "auth.sign_in" }))).total).toBe(8);

    // Keyset pages: newest first, no overlap, Last lands on the remainder, Previous goes back.
    const all = query({ kind: "group:security" });
    const first = await listAuditEvents(db, ws, all);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].createdAt.getTime()).toBe(base + 119 * 3_600_000 - (119 % 3 === 2 ? 3_600_000 : 0));
    const second = await listAuditEvents(db, ws, { ...all, cursor: first.next! });
    expect(second.start).toBe(50);
    expect(second.rows).toHaveLength(30);
    expect(second.next).toBeNull();
    expect(first.rows.at(-1)!.createdAt > second.rows[0].createdAt).toBe(true);
    const last = await listAuditEvents(db, ws, { ...all, cursor: first.last! });
    expect(last.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const back = await listAuditEvents(db, ws, { ...all, cursor: second.prev! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(decodeCursor(second.prev!)?.start).toBe(0);
  });
});
