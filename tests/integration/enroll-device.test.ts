import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto/tokens";
import { createEnrollmentLinkForUser } from "@/lib/enrollment/create-link-for-user";
import { findTokenForPage } from "@/lib/enrollment/tokens";
import { consoleContextFor, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

describe.each(testProviders)("Enroll Device on %s", (provider) => {
  const db = testDb(provider);

  it("makes a new enrollment link for the user, stored only as its hash, audited, with no email", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const user = await createUser(db, workspace.id, { roleId: roles.user, displayName: "Erin Enduser" });
    const made = await createEnrollmentLinkForUser(ctx, { userId: user.id }, { baseUrl: "http://roster.test/" });
    const token = /^http:\/\/roster\.test\/enroll\/([A-Za-z0-9_-]{22})$/.exec(made.link)?.[1];
    expect(token).toBeDefined();
    expect(made.userName).toBe("Erin Enduser");
    expect(made.qrSvg).toMatch(/^<svg/);
    const row = await db.enrollmentToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ kind: "MANUAL", tokenHash: sha256(token!), prefix: token!.slice(0, 6), createdById: admin.id });
    expect(await findTokenForPage(db, token!)).toMatchObject({ status: "valid" });
    expect(await db.emailMessage.count({ where: { userId: user.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "token.create" } });
    expect(audit).toMatchObject({ targetId: row.id, actorId: admin.id });
  });

  it("never makes a link for another workspace's user", async () => {
    const a = await createWorkspace(db);
    const b = await createWorkspace(db);
    const other = await createUser(db, b.workspace.id, { roleId: b.roles.user });
    await expect(createEnrollmentLinkForUser(await consoleContextFor(db, a.admin.id), { userId: other.id }, { baseUrl: "http://roster.test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.enrollmentToken.count({ where: { userId: other.id } })).toBe(0);
  });
});
