/** The server time of a sign-in (argon2id is most of it), and of Forgot password? for a known and an unknown address. */
import { requestPasswordRecovery } from "@/lib/auth/passwords";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createWorkspace } from "../tests/factories";
import type { BenchDatabase } from "./lib/database";
import { median } from "./lib/stats";

export type SignInFigures = { passwordMs: number; recoveryKnownMs: number; recoveryUnknownMs: number; runs: number };

const RUNS = 15;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function benchSignIn(bench: BenchDatabase): Promise<SignInFigures> {
  const { admin } = await createWorkspace(bench.db);
  // A new client address per run, so the rate limits never refuse one.
  let n = 0;
  const address = () => `bench-${Date.now()}-${++n}`;
  const signIn = () => signInWithPassword(bench.db, { email: admin.email, password: admin.password, address: address() }).then((o) => {
    if (!o.ok) throw new Error(`bench sign-in refused: ${o.reason}`);
  });
  for (let i = 0; i < 3; i++) await signIn();
  const password: number[] = [];
  for (let i = 0; i < RUNS; i++) password.push(await timed(signIn));

  // Forgot password?: the floor pads both; without it (wait skipped) this is the work alone, known vs unknown.
  const noWait = () => Promise.resolve();
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A new address each run for the known case too: the per-email limit would otherwise stop the work after 3.
    const { admin: someone } = await createWorkspace(bench.db);
    known.push(await timed(() => requestPasswordRecovery({ email: someone.email, address: address(), baseUrl: "https://roster.example" }, { db: bench.db, wait: noWait })));
    unknown.push(await timed(() => requestPasswordRecovery({ email: `nobody-${i}-${Date.now()}@nowhere.example`, address: address(), baseUrl: "https://roster.example" }, { db: bench.db, wait: noWait })));
  }
  return { passwordMs: median(password), recoveryKnownMs: median(known), recoveryUnknownMs: median(unknown), runs: RUNS };
}
