"use client";

import { useEffect, useRef, useState } from "react";
import { PASSWORD_POLICY_TEXT } from "@/lib/auth/password-policy-text";

type Checker = { score: (password: string, userInputs: string[]) => number; problem: (password: string, email?: string) => string | null };

let loading: Promise<Checker> | undefined;
/** zxcvbn-ts and the common-password list are large (~500 kB): loaded only once someone types a password. */
function loadChecker(): Promise<Checker> {
  loading ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@/lib/auth/password-policy")]).then(
    ([core, common, policy]) => {
      const zxcvbn = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
      return { score: (password, userInputs) => zxcvbn.check(password, userInputs).score, problem: policy.passwordProblem };
    },
  );
  return loading;
}

const labels = ["Very weak", "Weak", "Fair", "Strong", "Very strong"];
const colors = ["bg-red-600", "bg-red-500", "bg-amber-500", "bg-green-600", "bg-green-700"];

/**
 * The policy next to a new-password field, and as the person types a strength
 * meter (zxcvbn's 0–4 estimate of guesses) with what the policy says of the
 * password so far. The server checks the policy again (lib/auth/password-policy.ts).
 * `forName` is the password input's name in the same form; `emailName` or
 * `email` give the account's address, whose mailbox name the password must not use.
 */
export function PasswordStrength({ forName, emailName, email }: { forName: string; emailName?: string; email?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ score: number; problem: string | null } | null>(null);

  useEffect(() => {
    const form = ref.current?.closest("form");
    const input = form?.querySelector<HTMLInputElement>(`[name="${forName}"]`);
    if (!form || !input) return;
    let current = 0;
    const update = () => {
      const run = ++current;
      const password = input.value;
      if (!password) return setState(null);
      const address = email ?? (emailName ? (form.querySelector<HTMLInputElement>(`[name="${emailName}"]`)?.value ?? "") : "");
      void loadChecker().then((checker) => {
        if (run !== current) return;
        const mailbox = address.split("@")[0] ?? "";
        setState({ score: checker.score(password, mailbox ? [mailbox, address] : []), problem: checker.problem(password, address || undefined) });
      });
    };
    const reset = () => setState(null);
    input.addEventListener("input", update);
    form.addEventListener("reset", reset);
    return () => {
      input.removeEventListener("input", update);
      form.removeEventListener("reset", reset);
    };
  }, [forName, emailName, email]);

  const score = state ? (state.problem ? Math.min(state.score, 1) : state.score) : 0;
  return (
    <div ref={ref} className="space-y-1 text-xs text-slate-600" data-testid="password-strength">
      <p>{PASSWORD_POLICY_TEXT}</p>
      {state ? (
        <>
          <div className="flex items-center gap-2">
            <div role="meter" aria-label="Strength meter" aria-valuemin={0} aria-valuemax={4} aria-valuenow={score} aria-valuetext={labels[score]} className="h-1.5 w-40 overflow-hidden rounded-full bg-slate-200">
              <div className={`h-full ${colors[score]}`} style={{ width: `${((score + 1) / 5) * 100}%` }} />
            </div>
            <span className="font-medium text-slate-800">{labels[score]}</span>
          </div>
          <p aria-live="polite" className={state.problem ? "text-red-700" : "text-green-700"}>
            {state.problem ?? "Meets the password policy."}
          </p>
        </>
      ) : null}
    </div>
  );
}
