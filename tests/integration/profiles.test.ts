import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assignProfile, unassignProfile } from "@/lib/profiles/assign-profile";
import { computeEffectivePolicies, computeEffectivePolicy, policyDocument } from "@/lib/profiles/effective-policy";
import { createProfile, deleteProfile, duplicateProfile, updateProfile } from "@/lib/profiles/manage-profiles";
import { consoleContextFor, createGroups, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

async function setup(db: Db) {
  const { workspace, admin, roles } = await createWorkspace(db);
  const ctx = await consoleContextFor(db, admin.id);
  // One device of each OS family.
  const user = await createUser(db, workspace.id, { roleId: roles.user, devices: 6 });
  const devices = await db.device.findMany({ where: { userId: user.id }, select: { id: true, osFamily: true } });
  const deviceOf = (os: string) => devices.find((d) => d.osFamily === os)!.id;
  return { workspace, ctx, user, deviceOf, roles };
}

async function profile(ctx: Awaited<ReturnType<typeof setup>>["ctx"], name: string, osFamily: "WINDOWS" | "MACOS" | "LINUX" | "ANDROID" | "IOS", settings: Record<string, string>) {
  const { id } = await createProfile(ctx, { name, osFamily });
  await updateProfile(ctx, { profileId: id, name, ...settings });
  return id;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testProviders)("profiles on %s", (provider) => {
  const db = testDb(provider);

  it("creates, edits, duplicates and deletes profiles, refusing bad settings and taken names at the field", async () => {
    const { ctx, workspace } = await setup(db);
    const phone = await profile(ctx, "Phones", "ANDROID", { screenLock: "on", passwordMinLength: "8" });
    expect(JSON.parse((await db.profile.findUniqueOrThrow({ where: { id: phone } })).policy)).toEqual({ screenLock: true, passwordMinLength: 8 });

    const short = await refusal(updateProfile(ctx, { profileId: phone, name: "Phones", passwordMinLength: "2" }));
    expect(short.fieldErrors).toEqual({ passwordMinLength: ["Use at least 4 characters."] });
    const word = await refusal(updateProfile(ctx, { profileId: phone, name: "Phones", passwordMinLength: "eight", webFiltering: "maybe" }));
    expect(word.fieldErrors).toEqual({ passwordMinLength: ["Enter a whole number from 4 to 64."], webFiltering: ["Choose a value from the list."] });
    // Desktop settings are not part of a mobile profile's document.
    await updateProfile(ctx, { profileId: phone, name: "Phones", antivirus: "on", passwordMinLength: "10" });
    expect(JSON.parse((await db.profile.findUniqueOrThrow({ where: { id: phone } })).policy)).toEqual({ passwordMinLength: 10 });

    expect((await refusal(createProfile(ctx, { name: "phones", osFamily: "WINDOWS" }))).fieldErrors).toEqual({ name: ["Another profile already has this name."] });
    const copy = await duplicateProfile(ctx, { profileId: phone, name: "Phones copy" });
    expect(await db.profile.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({ osFamily: "ANDROID", policy: JSON.stringify({ passwordMinLength: 10 }) });
    expect((await refusal(updateProfile(ctx, { profileId: copy.id, name: "PHONES" }))).fieldErrors).toEqual({ name: ["Another profile already has this name."] });

    await deleteProfile(ctx, { profileId: copy.id });
    expect(await db.profile.count({ where: { workspaceId: workspace.id } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: { startsWith: "profile." } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["profile.create", "profile.create", "profile.delete", "profile.update", "profile.update"]);
  });

  it("cannot reach another workspace's profiles", async () => {
    const a = await setup(db);
    const b = await setup(db);
    const id = await profile(a.ctx, "Mine", "WINDOWS", { antivirus: "on" });
    expect((await refusal(updateProfile(b.ctx, { profileId: id, name: "Stolen" }))).code).toBe("NOT_FOUND");
    expect((await refusal(assignProfile(b.ctx, { profileId: id, target: "user", targetId: b.user.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(assignProfile(a.ctx, { profileId: id, target: "user", targetId: b.user.id }))).code).toBe("NOT_FOUND");
  });

  it("merges a user's and their groups' profiles per OS, after adding and removing memberships", async () => {
    const { ctx, workspace, user, deviceOf } = await setup(db);
    const { groupIds: [sales, staff] } = await createGroups(db, workspace.id, [
      { name: "Sales", memberIds: [user.id] },
      { name: "Staff", memberIds: [user.id] },
    ]);
    const salesWin = await profile(ctx, "Sales Windows", "WINDOWS", { antivirus: "off", containmentMode: "audit", webFiltering: "monitor" });
    const staffWin = await profile(ctx, "Staff Windows", "WINDOWS", { antivirus: "on", containmentMode: "enforce", webFiltering: "monitor" });
    const staffIos = await profile(ctx, "Staff iOS", "IOS", { passwordMinLength: "6", screenLock: "on" });
    const ownWin = await profile(ctx, "Exception", "WINDOWS", { containmentMode: "off" });
    await profile(ctx, "Unused Linux", "LINUX", { firewall: "on" });
    await assignProfile(ctx, { profileId: salesWin, target: "group", targetId: sales });
    await assignProfile(ctx, { profileId: staffWin, target: "group", targetId: staff });
    await assignProfile(ctx, { profileId: staffIos, target: "group", targetId: staff });
    expect(await assignProfile(ctx, { profileId: staffIos, target: "group", targetId: staff })).toEqual({ added: false });

    const win = await computeEffectivePolicy(db, workspace.id, deviceOf("WINDOWS"));
    // Among groups the stricter value wins; equal values are credited to the profile named first.
    expect(win!.settings).toEqual([
      { key: "antivirus", value: true, profileId: staffWin, profileName: "Staff Windows", source: { kind: "group", groupId: staff, groupName: "Staff" } },
      { key: "containmentMode", value: "enforce", profileId: staffWin, profileName: "Staff Windows", source: { kind: "group", groupId: staff, groupName: "Staff" } },
      { key: "webFiltering", value: "monitor", profileId: salesWin, profileName: "Sales Windows", source: { kind: "group", groupId: sales, groupName: "Sales" } },
    ]);
    // The user's own profile wins over every group profile, even when it is less strict.
    await assignProfile(ctx, { profileId: ownWin, target: "user", targetId: user.id });
    const all = await computeEffectivePolicies(db, workspace.id);
    expect(policyDocument(all.get(deviceOf("WINDOWS"))!)).toEqual({ osFamily: "WINDOWS", settings: { antivirus: true, containmentMode: "off", webFiltering: "monitor" } });
    expect(all.get(deviceOf("WINDOWS"))!.settings.find((s) => s.key === "containmentMode")!.source).toEqual({ kind: "user" });
    // iOS profiles reach iPhones and iPads; nothing reaches macOS, Linux (the Linux profile is not applied) or Android.
    for (const os of ["IOS", "IPADOS"]) expect(policyDocument(all.get(deviceOf(os))!).settings).toEqual({ passwordMinLength: 6, screenLock: true });
    for (const os of ["MACOS", "LINUX", "ANDROID"]) expect(all.get(deviceOf(os))!.settings).toEqual([]);

    // Leaving Staff takes its profiles away; Sales' remain.
    await db.groupMember.deleteMany({ where: { groupId: staff, userId: user.id } });
    const after = await computeEffectivePolicies(db, workspace.id, { userId: user.id });
    expect(policyDocument(after.get(deviceOf("WINDOWS"))!).settings).toEqual({ antivirus: false, containmentMode: "off", webFiltering: "monitor" });
    expect(after.get(deviceOf("IOS"))!.settings).toEqual([]);
    // Joining again brings them back.
    await db.groupMember.create({ data: { groupId: staff, userId: user.id, workspaceId: workspace.id } });
    expect(policyDocument((await computeEffectivePolicy(db, workspace.id, deviceOf("IPADOS")))!).settings).toEqual({ passwordMinLength: 6, screenLock: true });

    // Unassigning the user's own profile hands the field back to the groups.
    expect(await unassignProfile(ctx, { profileId: ownWin, target: "user", targetId: user.id })).toEqual({ removed: true });
    expect(policyDocument((await computeEffectivePolicy(db, workspace.id, deviceOf("WINDOWS")))!).settings.containmentMode).toBe("enforce");
    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: { in: ["profile.assign", "profile.unassign"] } }, select: { action: true } });
    expect(audit).toHaveLength(5);
  });

  it("computes the same policies in bulk for many users as one by one", async () => {
    const { ctx, workspace, roles } = await setup(db);
    const users = await Promise.all(Array.from({ length: 5 }, () => createUser(db, workspace.id, { roleId: roles.user, devices: 2 })));
    const { groupIds: [g] } = await createGroups(db, workspace.id, [{ name: "Half", memberIds: users.slice(0, 3).map((u) => u.id) }]);
    const p = await profile(ctx, "Half Windows", "WINDOWS", { firewall: "on" });
    await assignProfile(ctx, { profileId: p, target: "group", targetId: g });
    const bulk = await computeEffectivePolicies(db, workspace.id);
    for (const [deviceId, policy] of bulk) expect(await computeEffectivePolicy(db, workspace.id, deviceId)).toEqual(policy);
    const withFirewall = [...bulk.values()].filter((x) => x.settings.length > 0);
    expect(withFirewall).toHaveLength(3);
  });
});
