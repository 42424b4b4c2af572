import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import EnrollPage from "@/app/enroll/[token]/page";
import { POST as enrollPOST } from "@/app/api/agent/enroll/route";
import { POST as heartbeatPOST } from "@/app/api/agent/heartbeat/route";
import { sha256 } from "@/lib/crypto/tokens";
import { unscopedDb, type Db } from "@/lib/db/client";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { enrollDevice, enrollMessages } from "@/lib/enrollment/enroll-device";
import { recordHeartbeat } from "@/lib/enrollment/heartbeat";
import { agentRateRules } from "@/lib/enrollment/rate-limits";
import type { EnrollBody } from "@/lib/enrollment/schema";
import {
  createEnrollmentToken, ENROLLMENT_TOKEN_TTL_DAYS, enrollmentLink, enrollmentTokenRow, findTokenForPage,
  listUserTokens, newEnrollmentToken, revokeEnrollmentToken,
} from "@/lib/enrollment/tokens";
import { AppError } from "@/lib/errors";
import { consoleContextFor, createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

// The page reads the visitor's User-Agent through next/headers.
const visitor = vi.hoisted(() => ({ userAgent: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": visitor.userAgent }) }));

const device = (os: EnrollBody["device"]["os"], name = `${os} device`): EnrollBody["device"] => ({ os, osVersion: "1.0", name });

/** A workspace, a user and one emailed token for that user. */
async function setup(db: Db) {
  const { workspace, admin, roles } = await createWorkspace(db);
  const user = await createUser(db, workspace.id, { roleId: roles.user, displayName: "Erin Enroll" });
  const { id: tokenId, token } = await db.$transaction((tx) => createEnrollmentToken(tx, { workspaceId: workspace.id, userId: user.id, createdById: admin.id }));
  return { workspace, admin, user, tokenId, token };
}

/** Everything an enrollment could have written, to prove a refusal wrote nothing. */
async function snapshot(db: Db, workspaceId: string, userId: string) {
  const [devices, user, tokens, audit] = await Promise.all([
    db.device.count({ where: { workspaceId } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { deviceCount: true } }),
    db.enrollmentToken.findMany({ where: { workspaceId }, select: { id: true, mobileDevicesUsed: true, revokedAt: true }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { devices, deviceCount: user.deviceCount, tokens, audit };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("enrollment tokens (pure)", () => {
  it("makes a 128-bit token with its hash, prefix and a 720-day expiry", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const t = newEnrollmentToken(now);
    expect(t.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(t.tokenHash).toBe(sha256(t.token));
    expect(t.prefix).toBe(t.token.slice(0, 6));
    expect(t.expiresAt.getTime() - now.getTime()).toBe(ENROLLMENT_TOKEN_TTL_DAYS * 86_400_000);
    expect(newEnrollmentToken(now).token).not.toBe(t.token);
    expect(enrollmentLink("https://roster.test/", t.token)).toBe(`https://roster.test/enroll/${t.token}`);
  });
});

describe.each(testProviders)("enrollment on %s", (provider) => {
  const db = testDb(provider);

  it("stores only the token's hash, and bulk rows look like single inserts", async () => {
    const { workspace, admin, user, tokenId, token } = await setup(db);
    const row = await db.enrollmentToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ prefix: token.slice(0, 6), kind: "EMAIL", revokedAt: null, mobileDevicesAllowed: 1, mobileDevicesUsed: 0, createdById: admin.id });

    const fresh = newEnrollmentToken();
    await db.$transaction((tx) => bulkInsert(tx, "EnrollmentToken", [enrollmentTokenRow({ workspaceId: workspace.id, userId: user.id, createdById: admin.id, token: fresh })]));
    const bulk = await db.enrollmentToken.findUniqueOrThrow({ where: { tokenHash: fresh.tokenHash } });
    expect(bulk).toMatchObject({ prefix: fresh.prefix, kind: "EMAIL", revokedAt: null, mobileDevicesAllowed: 1, mobileDevicesUsed: 0, expiresAt: fresh.expiresAt });
    expect((await findTokenForPage(db, fresh.token)).status).toBe("valid");
    expect(await listUserTokens(db, workspace.id, user.id)).toHaveLength(2);
  });

  it("connects any number of computers but only one phone or tablet per token", async () => {
    const { workspace, user, token, tokenId } = await setup(db);
    for (const os of ["windows", "windows", "linux", "macos"] as const) {
      const result = await enrollDevice(db, { token, device: device(os) });
      expect(result.credential.length).toBeGreaterThanOrEqual(22);
      const row = await db.device.findUniqueOrThrow({ where: { id: result.deviceId } });
      expect(row.credentialHash).toBe(sha256(result.credential));
      expect(row).toMatchObject({ userId: user.id, workspaceId: workspace.id, enrollmentTokenId: tokenId });
    }
    const android = await enrollDevice(db, { token, device: device("android", "Pixel 8") });
    expect((await db.device.findUniqueOrThrow({ where: { id: android.deviceId } })).osFamily).toBe("ANDROID");

    const before = await snapshot(db, workspace.id, user.id);
    expect(before).toMatchObject({ devices: 5, deviceCount: 5 });
    expect(before.tokens[0].mobileDevicesUsed).toBe(1);
    for (const os of ["android", "ios", "ipados"] as const) {
      const error = await refusal(enrollDevice(db, { token, device: device(os) }));
      expect(error.code).toBe("CONFLICT");
      expect(error.status).toBe(409);
      expect(error.userMessage).toBe("This message has already been used to connect a mobile device. Ask your administrator to send you a new message to connect another one.");
    }
    expect(await snapshot(db, workspace.id, user.id)).toEqual(before);
    // Computers still connect after the mobile slot is used.
    await enrollDevice(db, { token, device: device("windows") });
    expect((await snapshot(db, workspace.id, user.id)).deviceCount).toBe(6);

    const audit = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "device.enroll" } });
    expect(audit).toHaveLength(6);
    expect(audit.every((a) => a.actorId === user.id && a.actorEmail === user.email)).toBe(true);
  });

  it("lets exactly one of several concurrent mobile enrollments through", async () => {
    const { workspace, user, token } = await setup(db);
    const results = await Promise.allSettled([
      enrollDevice(db, { token, device: device("android") }),
      enrollDevice(db, { token, device: device("ios") }),
      enrollDevice(db, { token, device: device("ipados") }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as AppError).code)).toEqual(["CONFLICT", "CONFLICT"]);
    const after = await snapshot(db, workspace.id, user.id);
    expect(after).toMatchObject({ devices: 1, deviceCount: 1 });
    expect(after.tokens[0].mobileDevicesUsed).toBe(1);
  });

  it("refuses unknown, expired and revoked tokens and writes nothing", async () => {
    const { workspace, admin, user, token, tokenId } = await setup(db);
    const before = await snapshot(db, workspace.id, user.id);

    const unknown = await refusal(enrollDevice(db, { token: "AAAAAAAAAAAAAAAAAAAAAA", device: device("windows") }));
    expect([unknown.code, unknown.userMessage]).toEqual(["NOT_FOUND", enrollMessages.unknown]);

    const later = new Date(Date.now() + (ENROLLMENT_TOKEN_TTL_DAYS + 1) * 86_400_000);
    const expired = await refusal(enrollDevice(db, { token, device: device("windows") }, later));
    expect([expired.code, expired.userMessage]).toEqual(["NOT_FOUND", enrollMessages.expired]);
    expect((await findTokenForPage(db, token, later)).status).toBe("expired");
    expect(await snapshot(db, workspace.id, user.id)).toEqual(before);

    const ctx = await consoleContextFor(db, admin.id);
    expect(await revokeEnrollmentToken(ctx, tokenId)).toEqual({ revoked: true });
    expect(await revokeEnrollmentToken(ctx, tokenId)).toEqual({ revoked: false });
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "token.revoke" } })).toBe(1);
    const afterRevoke = await snapshot(db, workspace.id, user.id);
    for (const os of ["windows", "android"] as const) {
      const revoked = await refusal(enrollDevice(db, { token, device: device(os) }));
      expect([revoked.code, revoked.userMessage]).toEqual(["NOT_FOUND", enrollMessages.revoked]);
    }
    expect(await snapshot(db, workspace.id, user.id)).toEqual(afterRevoke);
    expect(await findTokenForPage(db, token)).toEqual({ status: "revoked" });
    expect(await findTokenForPage(db, "nonsense")).toEqual({ status: "unknown" });
    expect(await findTokenForPage(db, "BBBBBBBBBBBBBBBBBBBBBB")).toEqual({ status: "unknown" });
  });

  it("revokes only within the administrator's workspace", async () => {
    const { tokenId } = await setup(db);
    const other = await createWorkspace(db);
    const ctx = await consoleContextFor(db, other.admin.id);
    expect((await refusal(revokeEnrollmentToken(ctx, tokenId))).code).toBe("NOT_FOUND");
    expect((await db.enrollmentToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).toBeNull();
  });

  it("shows the page read-only: opening the link changes nothing", async () => {
    const { workspace, user, token } = await setup(db);
    const before = await snapshot(db, workspace.id, user.id);
    const page = await findTokenForPage(db, token);
    expect(page).toMatchObject({ status: "valid", user: { displayName: "Erin Enroll" }, companyName: workspace.name, mobileUsed: false });
    await findTokenForPage(db, token);
    expect(await snapshot(db, workspace.id, user.id)).toEqual(before);
    await enrollDevice(db, { token, device: device("ios") });
    expect(await findTokenForPage(db, token)).toMatchObject({ status: "valid", mobileUsed: true });
  });

  it("records heartbeats and refuses unknown credentials", async () => {
    const { token } = await setup(db);
    const { deviceId, credential } = await enrollDevice(db, { token, device: device("macos") }, new Date(Date.now() - 3_600_000));
    const now = new Date();
    await recordHeartbeat(db, credential, { components: ["Agent", "Antivirus", "Firewall"], osVersion: "15.2" }, now);
    expect(await db.device.findUniqueOrThrow({ where: { id: deviceId } })).toMatchObject({ lastActivityAt: now, components: "Agent Antivirus Firewall", osVersion: "15.2" });
    await recordHeartbeat(db, credential, { components: ["Agent"] }, now);
    expect(await db.device.findUniqueOrThrow({ where: { id: deviceId } })).toMatchObject({ components: "Agent", osVersion: "15.2" });
    const bad = await refusal(recordHeartbeat(db, "x".repeat(43), { components: [] }));
    expect([bad.code, bad.status]).toEqual(["UNAUTHENTICATED", 401]);
  });
});

describe.each(testProviders)("agent API route handlers on %s", (provider) => {
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

  let addressCounter = 0;
  /** A distinct client address per request group, so limits of one test do not reach another. */
  const address = () => `203.0.113.${++addressCounter}-${provider}-${Math.random().toString(36).slice(2, 8)}`;

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    new Request(`http://localhost${url}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

  it("enrolls with a good body, a link in place of the token, and returns JSON", async () => {
    const { token, user } = await setup(db);
    const res = await enrollPOST(post("/api/agent/enroll", JSON.stringify({ token: enrollmentLink("https://roster.test", token), device: { os: "windows", osVersion: "11", name: "Laptop" } }), { "x-roster-client-address": address() }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { deviceId: string; credential: string };
    expect(body.credential).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await db.device.findUniqueOrThrow({ where: { id: body.deviceId } })).userId).toBe(user.id);

    const hb = await heartbeatPOST(post("/api/agent/heartbeat", JSON.stringify({ components: ["Agent", "Firewall"] }), { authorization: `Bearer ${body.credential}`, "x-roster-client-address": address() }));
    expect(hb.status).toBe(200);
    expect(await hb.json()).toMatchObject({ deviceId: body.deviceId });

    const mobile = { token, device: { os: "android", osVersion: "15" } };
    expect((await enrollPOST(post("/api/agent/enroll", JSON.stringify(mobile), { "x-roster-client-address": address() }))).status).toBe(200);
    const second = await enrollPOST(post("/api/agent/enroll", JSON.stringify(mobile), { "x-roster-client-address": address() }));
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ error: { code: "CONFLICT", message: enrollMessages.mobileUsed } });
  });

  it("refuses oversize, non-JSON, malformed and unknown-field bodies with 400", async () => {
    const { token } = await setup(db);
    const good = { token, device: { os: "linux", osVersion: "6.8" } };
    const cases: Request[] = [
      post("/api/agent/enroll", JSON.stringify({ ...good, pad: "x".repeat(17_000) })),
      // A body larger than the limit that claims to be small.
      new Request("http://localhost/api/agent/enroll", { method: "POST", body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(JSON.stringify({ ...good, pad: "x".repeat(20_000) }))); c.close(); } }), headers: { "content-type": "application/json", "content-length": "10" }, duplex: "half" } as RequestInit),
      post("/api/agent/enroll", "{not json"),
      new Request("http://localhost/api/agent/enroll", { method: "POST", body: JSON.stringify(good), headers: { "content-type": "text/plain" } }),
      post("/api/agent/enroll", JSON.stringify({ ...good, extra: 1 })),
      post("/api/agent/enroll", JSON.stringify({ ...good, device: { ...good.device, serial: "1" } })),
      post("/api/agent/enroll", JSON.stringify({ token: "short", device: good.device })),
      post("/api/agent/enroll", JSON.stringify({ ...good, device: { os: "beos", osVersion: "5" } })),
    ];
    for (const request of cases) {
      request.headers.set("x-roster-client-address", address());
      const res = await enrollPOST(request);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("BAD_INPUT");
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    const unknownField = await enrollPOST(post("/api/agent/enroll", JSON.stringify({ ...good, extra: 1 }), { "x-roster-client-address": address() }));
    expect(((await unknownField.json()) as { error: { message: string } }).error.message).toContain("extra");
    expect(await db.device.count({ where: { enrollmentToken: { tokenHash: sha256(token) } } })).toBe(0);

    const hbBad = await heartbeatPOST(post("/api/agent/heartbeat", JSON.stringify({ components: ["Agent", "Agent"] }), { authorization: "Bearer " + "a".repeat(43), "x-roster-client-address": address() }));
    expect(hbBad.status).toBe(400);
    const hbNoAuth = await heartbeatPOST(post("/api/agent/heartbeat", JSON.stringify({ components: [] }), { "x-roster-client-address": address() }));
    expect(hbNoAuth.status).toBe(401);
    const hbUnknown = await heartbeatPOST(post("/api/agent/heartbeat", JSON.stringify({ components: [] }), { authorization: "Bearer " + "a".repeat(43), "x-roster-client-address": address() }));
    expect(hbUnknown.status).toBe(401);
  });

  it("answers 404 for an unknown token and 429 with Retry-After once a token's limit is used up", async () => {
    const token = "C".repeat(22);
    const body = JSON.stringify({ token, device: { os: "windows", osVersion: "11" } });
    for (let i = 0; i < agentRateRules.enrollPerToken.limit; i++) {
      const res = await enrollPOST(post("/api/agent/enroll", body, { "x-roster-client-address": address() }));
      expect(res.status).toBe(404);
    }
    const limited = await enrollPOST(post("/api/agent/enroll", body, { "x-roster-client-address": address() }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    await db.rateLimit.deleteMany({ where: { key: `agent-enroll:token:${sha256(token)}` } });
  });

  it("limits enrollment attempts per client address", async () => {
    const from = address();
    const body = JSON.stringify({ token: "{", device: {} });
    for (let i = 0; i < agentRateRules.enrollPerAddress.limit; i++) {
      expect((await enrollPOST(post("/api/agent/enroll", body, { "x-roster-client-address": from }))).status).toBe(400);
    }
    expect((await enrollPOST(post("/api/agent/enroll", body, { "x-roster-client-address": from }))).status).toBe(429);
  });

  it("renders the enrollment page read-only, with the visitor's platform first", async () => {
    const { workspace, user, token, tokenId } = await setup(db);
    const before = await snapshot(db, workspace.id, user.id);
    const render = async (t: string) => renderToStaticMarkup(await EnrollPage({ params: Promise.resolve({ token: t }) }));

    visitor.userAgent = "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const android = await render(token);
    expect(android).toContain("On this device: Android");
    expect(android).toContain("Copy link");
    expect(android).toContain("any number of computers");
    expect(android).toContain("No phone or tablet is connected with this link yet.");
    expect(android.indexOf("Google Play")).toBeLessThan(android.indexOf("RosterAgentSetup.exe"));
    expect(android).toContain(workspace.name);
    expect(android).not.toContain(token);

    visitor.userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const windows = await render(token);
    expect(windows).toContain("On this device: Windows");
    // A computer gets the link as a QR code for a phone; a phone does not (it cannot scan its own screen).
    expect(windows).toContain('aria-label="QR code of this enrollment link"');
    expect(windows).toMatch(/<svg[^>]*viewBox=/);
    expect(android).not.toContain("QR code");
    expect(windows.indexOf("RosterAgentSetup.exe")).toBeLessThan(windows.indexOf("Google Play"));
    expect(await snapshot(db, workspace.id, user.id)).toEqual(before);

    await enrollDevice(db, { token, device: device("android") });
    const used = await render(token);
    expect(used).toContain("A phone or tablet is already connected with this link.");
    // No store button for a phone or tablet the link can no longer connect; the computers' downloads stay.
    expect(used).not.toContain("Get it on Google Play");
    expect(used).not.toContain("Download on the App Store");
    expect(used).toContain("RosterAgentSetup.exe");

    // An unknown link is a 404 (the segment's not-found page says what to do).
    await expect(render("AAAAAAAAAAAAAAAAAAAAAA")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await db.enrollmentToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    const revoked = await render(token);
    expect(revoked).toContain("This link is no longer valid");
    expect(revoked).toContain("ask your");
    expect(revoked).not.toContain(workspace.name);
    expect(revoked).not.toContain(user.email);
  });
});
