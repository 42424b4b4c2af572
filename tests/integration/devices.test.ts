import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto/tokens";
import { removeDevice, renameDevice } from "@/lib/devices/manage-device";
import { enrollDevice } from "@/lib/enrollment/enroll-device";
import { recordHeartbeat } from "@/lib/enrollment/heartbeat";
import { createEnrollmentToken } from "@/lib/enrollment/tokens";
import { AppError } from "@/lib/errors";
import { devicePolicy } from "@/lib/profiles/device-policy";
import { consoleContextFor, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

describe.each(testProviders)("device rename and removal on %s", (provider) => {
  const db = testDb(provider);

  it("renames, then removes a device: its credential stops working at once, the count follows, both are audited", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const other = await consoleContextFor(db, (await createWorkspace(db)).admin.id);
    const user = await createUser(db, workspace.id, { roleId: roles.user });
    const { token } = await db.$transaction((tx) => createEnrollmentToken(tx, { workspaceId: workspace.id, userId: user.id, createdById: admin.id }));
    const { deviceId, credential } = await enrollDevice(db, { token, device: { os: "linux", osVersion: "24.04", name: "build-box" } });

    const refused = await renameDevice(other, { deviceId, name: "Stolen" }).then(() => null, (e: unknown) => e);
    expect((refused as AppError).code).toBe("NOT_FOUND");
    await renameDevice(ctx, { deviceId, name: "Build server" });
    expect((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).name).toBe("Build server");
    await recordHeartbeat(db, credential, { components: ["Agent"] });
    expect((await devicePolicy(db, credential)).body).toContain(deviceId);

    expect(await removeDevice(ctx, { deviceId })).toEqual({ userId: user.id, label: "Build server" });
    expect(await db.device.findUnique({ where: { credentialHash: sha256(credential) } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deviceCount).toBe(0);
    for (const call of [recordHeartbeat(db, credential, { components: [] }), devicePolicy(db, credential)]) {
      expect(((await call.then(() => null, (e: unknown) => e)) as AppError).code).toBe("UNAUTHENTICATED");
    }
    expect(((await removeDevice(ctx, { deviceId }).then(() => null, (e: unknown) => e)) as AppError).code).toBe("NOT_FOUND");
    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: { in: ["device.rename", "device.remove"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.targetLabel])).toEqual([["device.rename", "Build server"], ["device.remove", "Build server"]]);
  });
});
