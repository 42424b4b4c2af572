/**
 * Walks every server action ("use server" files under app/) and every route
 * handler under app/api against the access map: each export must have an
 * entry, and a signed-in console user whose role lacks the entry's
 * permission is refused (FORBIDDEN) with nothing changed in the database.
 * Only the session lookup is replaced (getConsoleContext); the database is real.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ConsoleContext } from "@/lib/auth/console-context";
import { FORBIDDEN_MESSAGE } from "@/lib/auth/console-context";
import { verifyPassword } from "@/lib/auth/password";
import { access, MACHINE, permissions, PUBLIC, RESTRICTED, SIGNED_IN, type AccessKey, type Permission } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { consoleContextFor, createRole, createUser, createWorkspace, defaultPassword } from "../factories";
import { testDb, testProviders } from "../support/db";

const session = vi.hoisted(() => ({ ctx: null as ConsoleContext | null }));
vi.mock("@/lib/auth/context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/context")>()),
  getConsoleContext: async () => session.ctx,
}));

// Auth.js itself (which does not load outside Next.js) is the session machinery too: sign-in, sign-out and its routes are stubbed.
vi.mock("@/lib/auth/next-auth", () => {
  const refuse = async () => new Response(null, { status: 400 });
  return { auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: { GET: refuse, POST: refuse } };
});

// No session cookie: restricted (forced-step) actions find no session either.
vi.mock("@/lib/auth/session-token", () => ({ sessionIdFromCookies: async () => null }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/headers")>()), cookies: async () => ({ get: () => undefined }) }));

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const files = walk(appDir).map((f) => path.relative(root, f).split(path.sep).join("/"));
const isUseServer = (file: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8"));
const actionFiles = files.filter((f) => /\.tsx?$/.test(f) && isUseServer(f));
const routeFiles = files.filter((f) => f.startsWith("app/api/") && f.endsWith("/route.ts"));
const pageFiles = files.filter((f) => f.startsWith("app/console/") && /\/(page|layout)\.tsx$/.test(f));
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

type Entry = { key: AccessKey; file: string; fn: (...args: unknown[]) => Promise<unknown> };

async function loadActions(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of actionFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      expect(typeof value, `${file}: ${name}`).toBe("function");
      entries.push({ key: name as AccessKey, file, fn: value as Entry["fn"] });
    }
  }
  return entries;
}

async function loadRoutes(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of routeFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const route = "/" + file.replace(/^app\//, "").replace(/\/route\.ts$/, "");
    for (const [name, value] of Object.entries(mod)) {
      if (!HTTP_METHODS.includes(name)) continue;
      entries.push({ key: `${name} ${route}` as AccessKey, file, fn: value as Entry["fn"] });
    }
  }
  return entries;
}

let actions: Entry[] = [];
let routes: Entry[] = [];
beforeAll(async () => {
  actions = await loadActions();
  routes = await loadRoutes();
}, 60_000);

describe("the access map", () => {
  it("has an entry for every exported server action and route handler, and no entry for one that is gone", () => {
    expect(actionFiles.length).toBeGreaterThan(5);
    expect(routeFiles.length).toBeGreaterThan(5);
    for (const e of [...actions, ...routes]) expect(Object.hasOwn(access, e.key), `${e.file}: ${e.key} has no entry in lib/auth/permissions.ts access`).toBe(true);
    const exported = new Set([...actions, ...routes].map((e) => e.key));
    for (const key of Object.keys(access)) {
      if (key.startsWith("page ")) continue;
      expect(exported.has(key as AccessKey), `access names ${key}, which nothing exports`).toBe(true);
    }
  });

  it("is what every console page asks for: each page and layout names its own entry", () => {
    for (const file of pageFiles) {
      const text = readFileSync(path.join(root, file), "utf8");
      if (file === "app/console/forbidden/page.tsx") continue; // Shown inside the console layout, which requires a session.
      const route = "/" + file.replace(/^app\//, "").replace(/\/(page|layout)\.tsx$/, "");
      expect(text, file).toContain(`requireConsolePage("page ${route}")`);
      expect(Object.hasOwn(access, `page ${route}`), file).toBe(true);
    }
  });

  it("keeps the own-account actions to a session, and the agent and Auth.js routes off console sessions", () => {
    expect(access.changePasswordAction).toBe(SIGNED_IN);
    expect(access.signOutAction).toBe(SIGNED_IN);
    for (const e of routes.filter((r) => r.key.includes("/api/agent/"))) expect(access[e.key]).toBe(MACHINE);
    for (const e of routes.filter((r) => r.key.includes("/api/auth/"))) expect(access[e.key]).toBe(PUBLIC);
  });

  it("keeps forced-step actions to restricted sessions and the own-2FA actions to a session", () => {
    for (const e of actions.filter((a) => a.file.startsWith("app/(auth)/account/"))) expect(access[e.key], e.key).toBe(RESTRICTED);
    expect(access.enableTwoFactorAction).toBe(SIGNED_IN);
    expect(access.disableTwoFactorAction).toBe(SIGNED_IN);
  });
});

/** Everything an action or route could have written in a workspace. */
async function snapshot(db: Db, workspaceId: string) {
  const where = { workspaceId };
  const [users, roles, groups, members, audit, exports, imports, mail, tokens, sessions, devices, workspace, userRows] = await Promise.all([
    db.user.count({ where }),
    db.role.count({ where }),
    db.group.count({ where }),
    db.groupMember.count({ where }),
    db.auditEvent.count({ where }),
    db.export.count({ where }),
    db.importRun.findMany({ where, select: { id: true, status: true, existingMode: true } }),
    db.emailMessage.count({ where }),
    db.enrollmentToken.findMany({ where, select: { id: true, revokedAt: true } }),
    db.session.count({ where }),
    db.device.count({ where }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } }),
    db.user.findMany({ where, select: { id: true, email: true, roleId: true, displayName: true, updatedAt: true }, orderBy: { id: "asc" } }),
  ]);
  return { users, roles, groups, members, audit, exports, imports, mail, tokens, sessions, devices, workspace, userRows };
}

function requestFor(key: string, id: string): { request: Request; params: { params: Promise<{ id: string }> } } {
  const [method, route] = key.split(" ");
  const url = `http://console.test${route.replace("[id]", id)}`;
  const headers: Record<string, string> = { host: "console.test" };
  if (method !== "GET" && method !== "HEAD") headers.origin = "http://console.test";
  const body = method === "POST" ? "email\nnew.person@corp.example\n" : undefined;
  return { request: new Request(url, { method, headers, body }), params: { params: Promise.resolve({ id }) } };
}

describe.each(testProviders)("authorization on %s", (provider) => {
  const db = testDb(provider);

  /** A console user whose custom role holds every permission but one. */
  async function lacking(workspaceId: string, missing: Permission) {
    const role = await createRole(db, workspaceId, { name: `All but ${missing} ${Math.random().toString(36).slice(2, 8)}`, permissions: permissions.filter((p) => p !== missing) });
    const user = await createUser(db, workspaceId, { roleId: role.id, password: defaultPassword });
    return consoleContextFor(db, user.id);
  }

  it("refuses every server action to a role without its permission, changing nothing", async () => {
    const { workspace, admin, roles } = await createWorkspace(db);
    const target = await createUser(db, workspace.id, { roleId: roles.user });
    const contexts = new Map<Permission, ConsoleContext>();
    for (const p of permissions) contexts.set(p, await lacking(workspace.id, p));
    const covered: string[] = [];
    for (const action of actions) {
      const needed = access[action.key];
      if (needed === PUBLIC || needed === SIGNED_IN || needed === MACHINE || needed === RESTRICTED) continue;
      session.ctx = contexts.get(needed)!;
      const before = await snapshot(db, workspace.id);
      // The permission is checked before the input is read, so any input will do; this one is plausible.
      const input = { userId: target.id, userIds: [target.id, admin.id], roleId: roles.admin, email: "x@corp.example", displayName: "X", phone: "", importId: "none", id: "none", tokenId: "none", name: "Renamed", emails: [] };
      const result = await action.fn(input);
      expect(result, `${action.file}: ${action.key}`).toEqual({ ok: false, error: FORBIDDEN_MESSAGE });
      expect(await snapshot(db, workspace.id), action.key).toEqual(before);
      covered.push(action.key);
    }
    session.ctx = null;
    expect(covered.length).toBe(Object.values(access).filter((v, i) => Object.keys(access)[i].endsWith("Action") && permissions.includes(v as Permission)).length);
  });

  it("refuses every console route to a role without its permission with a 403 JSON error, changing nothing", async () => {
    const { workspace, admin } = await createWorkspace(db);
    const exportRow = await db.export.create({ data: { workspaceId: workspace.id, kind: "users", fileName: "u.csv", actorEmail: admin.email, completedAt: new Date(), rowCount: 1, chunks: { create: [{ seq: 0, content: "Name\r\nx\r\n" }] } } });
    const importRun = await db.importRun.create({ data: { workspaceId: workspace.id, fileName: "f.csv", fileSize: 1, encoding: "utf-8", delimiter: "comma", rowCount: 0, createdById: admin.id, createdByEmail: admin.email, status: "DONE", finishedAt: new Date() } });
    let covered = 0;
    for (const route of routes) {
      const needed = access[route.key];
      if (needed === PUBLIC || needed === MACHINE || needed === SIGNED_IN || needed === RESTRICTED) continue;
      session.ctx = await lacking(workspace.id, needed);
      const before = await snapshot(db, workspace.id);
      const { request, params } = requestFor(route.key, route.key.includes("exports") ? exportRow.id : importRun.id);
      const response = (await route.fn(request, params)) as Response;
      expect(response.status, route.key).toBe(403);
      expect(await response.json(), route.key).toEqual({ error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } });
      expect(await snapshot(db, workspace.id), route.key).toEqual(before);
      covered++;
    }
    session.ctx = null;
    expect(covered).toBeGreaterThanOrEqual(4);
  });

  it("asks a signed-out caller to sign in, for actions and console routes alike", async () => {
    session.ctx = null;
    for (const action of actions.filter((a) => ![PUBLIC, MACHINE].includes(access[a.key] as string) && a.key !== "signOutAction")) {
      expect(await action.fn({}), action.key).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    }
    for (const route of routes.filter((r) => ![PUBLIC, MACHINE].includes(access[r.key] as string))) {
      const { request, params } = requestFor(route.key, "none");
      const response = (await route.fn(request, params)) as Response;
      expect(response.status, route.key).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("lets an administrator whose role lacks users.read change their own password", async () => {
    const { workspace } = await createWorkspace(db);
    const role = await createRole(db, workspace.id, { name: "Nothing but a session", permissions: [] });
    const user = await createUser(db, workspace.id, { roleId: role.id, password: defaultPassword });
    session.ctx = await consoleContextFor(db, user.id);
    const { changePasswordAction } = await import("@/app/console/settings/actions");
    const result = await changePasswordAction({ currentPassword: defaultPassword, newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" });
    expect(result).toEqual({ ok: true, data: undefined });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(row.passwordHash, "a brand new passphrase")).toBe(true);
    session.ctx = null;
  });

  it("refuses a cross-origin (or Origin-less) upload to POST /api/users/imports and writes nothing; the console's own origin is accepted", async () => {
    const { workspace, admin } = await createWorkspace(db);
    session.ctx = await consoleContextFor(db, admin.id);
    const { POST } = await import("@/app/api/users/imports/route");
    const upload = (headers: Record<string, string>) =>
      POST(new Request("http://console.test/api/users/imports?fileName=people.csv", { method: "POST", headers: { host: "console.test", ...headers }, body: "email\nnew.person@corp.example\n" }), { params: Promise.resolve({}) });
    const before = await snapshot(db, workspace.id);
    const refusals: Record<string, string>[] = [{ origin: "https://evil.example" }, {}, { origin: "null" }, { origin: "http://console.test.evil.example" }, { origin: "http://console.test", "x-forwarded-host": "proxy.example" }];
    for (const headers of refusals) {
      const refused = await upload(headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).error.code).toBe("FORBIDDEN");
    }
    expect(await snapshot(db, workspace.id)).toEqual(before);
    const accepted = await upload({ origin: "http://console.test" });
    expect(accepted.status).toBe(201);
    expect(await db.importRun.count({ where: { workspaceId: workspace.id } })).toBe(1);
    session.ctx = null;
  });

  it("creates an export by a same-origin POST, downloaded under its name and stored for Reports", async () => {
    const { workspace, admin } = await createWorkspace(db);
    session.ctx = await consoleContextFor(db, admin.id);
    const { POST } = await import("@/app/api/users/export/route");
    const response = await POST(new Request("http://console.test/api/users/export?sort=email", { method: "POST", headers: { host: "console.test", origin: "http://console.test" } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="users-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await response.text()).toContain(admin.email);
    const stored = await db.export.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(stored.rowCount).toBe(1);
    expect(await db.auditEvent.count({ where: { workspaceId: workspace.id, action: "users.export" } })).toBe(1);
    session.ctx = null;
  });

  it("creates an export only by POST: the route exports no GET (Next.js answers 405)", async () => {
    const mod = (await import("@/app/api/users/export/route")) as Record<string, unknown>;
    expect(mod.GET).toBeUndefined();
    expect(typeof mod.POST).toBe("function");
  });
});
