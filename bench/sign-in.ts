/** Server time of a sign-in with password + TOTP code: the two steps the sign-in page runs, without the browser. */
import type { Db } from "@/lib/db/client";
import { enableTwoFactor } from "@/lib/auth/enable-two-factor";
import { requestPasswordRecovery } from "@/lib/auth/passwords";
import { checkPassword, completeSignIn } from "@/lib/auth/sign-in";
import { startTwoFactorSetup } from "@/lib/auth/start-two-factor-setup";
import { totpCode } from "@/lib/auth/totp";
import { consoleContextFor, createWorkspace } from "@/tests/factories";
import { median } from "./lib/stats";

export type SignInBench = { runs: number; passwordMs: number; codeMs: number; totalMs: number };

/**
 * Signs one 2FA administrator in `runs` times (after 3 warm-ups): the
 * password step (argon2id, the rate-limit counters, the challenge) and the
 * code step (the challenge, TOTP with its replay guard, the session). Each
 * run is a step (30 s) later on the injected clock, so no code is a replay.
 */
export async function benchSignIn(db: Db, runs = 20): Promise<SignInBench> {
  const { admin } = await createWorkspace(db, { name: "Sign-in bench" });
  const ctx = await consoleContextFor(db, admin.id);
  const start = Date.now();
  const setup = await startTwoFactorSetup(ctx);
  await enableTwoFactor(ctx, { code: totpCode(setup.key, new Date(start)) }, new Date(start));
  const password: number[] = [];
  const code: number[] = [];
  for (let i = 1; i <= runs + 3; i++) {
    const now = new Date(start + i * 30_000);
    const address = `bench-${i}`;
    let t = performance.now();
    const first = await checkPassword(db, { email: admin.email, password: admin.password, address }, now);
    const passwordMs = performance.now() - t;
    if (!first.ok) throw new Error(`sign-in bench: the password step said ${first.reason}`);
    t = performance.now();
    const done = await completeSignIn(db, { challenge: first.challenge, code: totpCode(setup.key, now), address }, now);
    const codeMs = performance.now() - t;
    if (!done.ok) throw new Error(`sign-in bench: the code step said ${done.reason}`);
    if (i > 3) {
      password.push(passwordMs);
      code.push(codeMs);
    }
  }
  return { runs, passwordMs: median(password), codeMs: median(code), totalMs: median(password.map((p, i) => p + code[i])) };
}

export type RecoveryBench = { runs: number; knownMs: number; unknownMs: number };

/**
 * The work of Forgot password? before its floor pads it: for an address with
 * an account (a link issued, a message queued) and one without. Each known
 * run uses a new account, as the per-email limit would stop the work after 3.
 */
export async function benchRecovery(db: Db, runs = 15): Promise<RecoveryBench> {
  const noWait = () => Promise.resolve();
  const known: number[] = [];
  const unknown: number[] = [];
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (let i = 0; i < runs; i++) {
    const { admin } = await createWorkspace(db);
    const address = `bench-recovery-${Date.now()}-${i}`;
    known.push(await timed(() => requestPasswordRecovery({ email: admin.email, address, baseUrl: "https://roster.example" }, { db, wait: noWait })));
    unknown.push(await timed(() => requestPasswordRecovery({ email: `nobody-${i}-${Date.now()}@nowhere.example`, address: `${address}-x`, baseUrl: "https://roster.example" }, { db, wait: noWait })));
  }
  return { runs, knownMs: median(known), unknownMs: median(unknown) };
}
