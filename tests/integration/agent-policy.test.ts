import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { POST as enrollPOST } from "@/app/api/agent/enroll/route";
import { GET as policyGET } from "@/app/api/agent/policy/route";
import { unscopedDb, type Db } from "@/lib/db/client";
import { createEnrollmentToken } from "@/lib/enrollment/tokens";
import { agentRateRules } from "@/lib/enrollment/rate-limits";
import { assignProfile, unassignProfile } from "@/lib/profiles/assign-profile";
import { etagMatches } from "@/lib/profiles/device-policy";
import { createProfile, updateProfile } from "@/lib/profiles/manage-profiles";
import { consoleContextFor, createGroups, createUser, createWorkspace } from "../factories";
import { testProviders } from "../support/db";

describe("If-None-Match", () => {
  it("matches the ETag alone, in a list, weak, or *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });
});

describe.each(testProviders)("GET /api/agent/policy on %s", (provider) => {
  let previousUrl: string | undefined;
  let db: Db;
  beforeAll(() => {
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = inject("databaseUrls")[provider];
    db = unscopedDb();
  });
  afterAll(async () => {
    await db.$disconnect();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  });

  const address = () => `198.51.100.${Math.random().toString(36).slice(2, 10)}-${provider}`;
  const get = (credential: string | null, headers: Record<string, string> = {}, query = "") =>
    policyGET(new Request(`http://localhost/api/agent/policy${query}`, {
      headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), "x-roster-client-address": address(), ...headers },
    }));

  async function enrolled() {
    const { workspace, admin, roles } = await createWorkspace(db);
    const ctx = await consoleContextFor(db, admin.id);
    const user = await createUser(db, workspace.id, { roleId: roles.user });
    const { token } = await db.$transaction((tx) => createEnrollmentToken(tx, { workspaceId: workspace.id, userId: user.id, createdById: admin.id }));
    const res = await enrollPOST(new Request("http://localhost/api/agent/enroll", {
      method: "POST",
      headers: { "content-type": "application/json", "x-roster-client-address": address() },
      body: JSON.stringify({ token, device: { os: "windows", osVersion: "11", name: "Laptop" } }),
    }));
    expect(res.status).toBe(200);
    const { deviceId, credential } = (await res.json()) as { deviceId: string; credential: string };
    return { workspace, ctx, user, deviceId, credential };
  }

  it("returns the effective policy with an ETag, 304 while unchanged, a new ETag after a change", async () => {
    const { workspace, ctx, user, deviceId, credential } = await enrolled();
    const empty = await get(credential);
    expect(empty.status).toBe(200);
    expect(empty.headers.get("content-type")).toBe("application/json");
    expect(await empty.json()).toEqual({ deviceId, osFamily: "WINDOWS", settings: {} });
    const firstTag = empty.headers.get("etag")!;
    expect(firstTag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);

    const { groupIds: [group] } = await createGroups(db, workspace.id, [{ name: "Engineering", memberIds: [user.id] }]);
    const { id: profileId } = await createProfile(ctx, { name: "Laptops", osFamily: "WINDOWS" });
    await updateProfile(ctx, { profileId, name: "Laptops", antivirus: "on", webFiltering: "block" });
    await assignProfile(ctx, { profileId, target: "group", targetId: group });

    const changed = await get(credential, { "if-none-match": firstTag });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ deviceId, osFamily: "WINDOWS", settings: { antivirus: true, webFiltering: "block" } });
    const tag = changed.headers.get("etag")!;
    expect(tag).not.toBe(firstTag);

    const same = await get(credential, { "if-none-match": tag });
    expect(same.status).toBe(304);
    expect(same.headers.get("etag")).toBe(tag);
    expect(await same.text()).toBe("");

    await unassignProfile(ctx, { profileId, target: "group", targetId: group });
    const back = await get(credential, { "if-none-match": tag });
    expect(back.status).toBe(200);
    expect(back.headers.get("etag")).toBe(firstTag);
  });

  it("refuses a missing or unknown credential with 401, unknown query fields with 400, and a removed device at once", async () => {
    const { deviceId, credential } = await enrolled();
    const missing = await get(null);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    expect((await get("a".repeat(43))).status).toBe(401);
    expect((await get("short")).status).toBe(401);
    const query = await get(credential, {}, "?debug=1");
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: { message: string } }).error.message).toContain("debug");

    await db.device.delete({ where: { id: deviceId } });
    expect((await get(credential)).status).toBe(401);
  });

  it("is rate-limited per credential", async () => {
    const { credential } = await enrolled();
    const limit = agentRateRules.policyPerCredential.limit;
    for (let i = 0; i < limit; i++) expect((await get(credential)).status).toBe(200);
    const limited = await get(credential);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
