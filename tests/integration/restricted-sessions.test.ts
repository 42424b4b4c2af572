/**
 * A session in a forced step (new password, 2FA setup) reaches nothing of
 * the console: the console context only ever holds FULL sessions, console
 * pages send it to its step, console actions refuse it, and the step's own
 * actions refuse any other session. Only Auth.js's cookie reading is
 * replaced (auth() returns the session id), and the unscoped client is the
 * test run's database; the database is real.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createSession } from "@/lib/auth/sessions";
import { createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

const cookie = vi.hoisted(() => ({ sid: null as string | null, db: null as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db/client")>()), unscopedDb: () => cookie.db }));
vi.mock("@/lib/auth/next-auth", () => ({
  auth: async () => (cookie.sid ? { sid: cookie.sid, expires: "" } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("@/lib/auth/session-token", () => ({ sessionIdFromCookies: async () => cookie.sid }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

/** The path a redirect() thrown by Next.js names. */
async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2] ?? digest;
  }
}

describe.each(testProviders)("restricted sessions on %s", (provider) => {
  const db: Db = testDb(provider);
  beforeAll(() => {
    cookie.db = db;
  });

  it("are never a console context; console pages send them to their step; console actions refuse them", async () => {
    const { getConsoleContext, requireConsolePage } = await import("@/lib/auth/context");
    const { getRestrictedContext } = await import("@/lib/auth/restricted");
    const { renameWorkspaceAction } = await import("@/app/console/settings/actions");
    const { admin, workspace } = await createWorkspace(db);
    for (const [stage, page] of [["CHANGE_PASSWORD", "/account/new-password"], ["SETUP_2FA", "/account/two-factor"]] as const) {
      cookie.sid = await createSession(db, admin, { userAgent: "test", stage: stage });
      // `cache` memoizes per request; each call here is its own request.
      expect(await getConsoleContext()).toBeNull();
      expect((await getRestrictedContext())?.stage).toBe(stage);
      expect(await redirectOf(() => requireConsolePage("page /console/users"))).toBe(page);
      expect(await renameWorkspaceAction({ companyName: "Taken over" })).toEqual({ ok: false, error: "Your session has ended. Sign in again." });
    }
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).name).toBe(workspace.name);
    cookie.sid = null;
  });

  it("lets a step's actions serve only a session in that step", async () => {
    const { setNewPasswordAction } = await import("@/app/(auth)/account/new-password/actions");
    const { enableRequiredTwoFactorAction } = await import("@/app/(auth)/account/two-factor/actions");
    const { admin } = await createWorkspace(db);
    const input = { newPassword: "a long enough new passphrase", confirmPassword: "a long enough new passphrase" };
    const ended = { ok: false, error: "Your session has ended. Sign in again." };
    cookie.sid = await createSession(db, admin, { userAgent: "test", stage: "FULL" });
    expect(await setNewPasswordAction(input)).toEqual(ended);
    expect(await enableRequiredTwoFactorAction({ code: "123456" })).toEqual(ended);
    cookie.sid = await createSession(db, admin, { userAgent: "test", stage: "SETUP_2FA" });
    expect(await setNewPasswordAction(input)).toEqual(ended);
    cookie.sid = await createSession(db, admin, { userAgent: "test", stage: "CHANGE_PASSWORD" });
    expect(await enableRequiredTwoFactorAction({ code: "123456" })).toEqual(ended);
    // In its own step, the action runs (here refused by the rule: nobody asked this user for a new password).
    expect(await setNewPasswordAction(input)).toMatchObject({ ok: false, error: "Your password was already changed." });
    cookie.sid = null;
  });
});
