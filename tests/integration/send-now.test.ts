import { describe, expect, it } from "vitest";
import { sendNow } from "@/lib/mail/send-now";
import { sendInstructions } from "@/lib/users/send-instructions";
import { consoleContextFor, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

describe.each(testProviders)("Send now on %s", (provider) => {
  const db = testDb(provider);

  it("makes a message waiting to retry due at once, once, and leaves others alone", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const user = await createUser(db, workspace.id, { roleId: roles.user });
    await sendInstructions(ctx, { userIds: [user.id] }, { baseUrl: "https://roster.test" });
    const message = await db.emailMessage.findFirstOrThrow({ where: { workspaceId: workspace.id, userId: user.id }, select: { id: true } });
    const later = new Date(Date.now() + 30 * 60_000);
    await db.emailMessage.update({ where: { id: message.id }, data: { attempts: 2, nextAttemptAt: later, lastError: "421 try again later" } });

    const now = new Date();
    await sendNow(ctx, message.id, now);
    const due = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(due.nextAttemptAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(due.status).toBe("QUEUED");
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "email.send_now", targetId: message.id } })).toBe(1);
    // Already due: nothing to hurry.
    await expect(sendNow(ctx, message.id, now)).rejects.toMatchObject({ code: "CONFLICT" });

    await db.emailMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date() } });
    await expect(sendNow(ctx, message.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // Another workspace's administrator cannot reach it.
    const other = await createWorkspace(db);
    await expect(sendNow(await consoleContextFor(db, other.admin.id), message.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
