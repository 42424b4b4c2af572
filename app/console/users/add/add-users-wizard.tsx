"use client";

import { useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { WizardStepper } from "@/components/wizard-stepper";
import { overLimitMessage } from "@/lib/email-address/limits";
import { parseAddressList } from "@/lib/email-address/parse-list";
import { addressKey, checkRowsFor, upgradeSavedRows, type CheckRow } from "@/lib/users/check-data";
import type { AddUsersResult } from "@/lib/users/add-users-schema";
import { addUsersAction, checkExistingAction, previewInstructionsAction } from "./actions";
import { CheckDataStep, rowIssues } from "./check-data-step";
import { Summary } from "./summary";

const steps = ["Enter email addresses", "Check data", "Send instructions", "Finish"];

/** What survives a reload of the page: the steps' data and the run key, so Finish after a lost answer is the same run. */
type Saved = {
  step: number;
  text: string;
  rows: CheckRow[];
  /** Sources of the rows removed on Check data, left out when the list comes back. */
  removed?: string[];
  existing: string[];
  sendInstructions: boolean;
  emailExisting?: boolean;
  runKey: string;
};

function readSaved(storageKey: string): Saved | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? "null") as Saved | null;
    if (!saved || typeof saved.runKey !== "string" || !Array.isArray(saved.rows)) return null;
    return { ...saved, rows: upgradeSavedRows(saved.rows) };
  } catch {
    return null;
  }
}

// How long Check data waits after an edit before looking the edited addresses up.
const RECHECK_AFTER_MS = 400;

const LOST_ANSWER =
  "The server's answer did not arrive (the connection dropped or the console restarted). Press Finish again: it is the same run, so nobody is added or emailed twice.";

/** Add users: enter addresses → check data → send instructions → summary. */
export function AddUsersWizard({ limit, storageKey }: { limit: number; storageKey: string }) {
  // Rendered in the browser only (add-users-wizard-loader.tsx), so session storage is read as the state starts.
  const [saved] = useState(() => readSaved(storageKey));
  const [step, setStep] = useState(saved ? Math.min(Math.max(saved.step, 0), 2) : 0);
  const [text, setText] = useState(saved?.text ?? "");
  const [rows, setRows] = useState<CheckRow[]>(saved?.rows ?? []);
  const [removed, setRemoved] = useState<Set<string>>(() => new Set(saved?.removed ?? []));
  const [existing, setExisting] = useState<Set<string>>(() => new Set(saved?.existing ?? []));
  // Addresses (as keys) already looked up, so an edit on Check data looks up only what is new.
  const checked = useRef<Set<string>>(new Set(saved ? saved.rows.map((r) => addressKey(r.email)) : []));
  const [sendInstructions, setSendInstructions] = useState(saved?.sendInstructions ?? true);
  // Users who already exist are emailed again only when the admin says so.
  const [emailExisting, setEmailExisting] = useState(saved?.emailExisting ?? false);
  const [preview, setPreview] = useState<string>();
  const [result, setResult] = useState<AddUsersResult>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  // One key per run: a double click or a retry of Finish adds nothing twice.
  const [runKey, setRunKey] = useState(() => saved?.runKey ?? crypto.randomUUID());
  const fileInput = useRef<HTMLInputElement>(null);
  // A run this tab had not finished (a reload, or a lost Finish answer) is picked up where it was.
  const [restored, setRestored] = useState(() => Boolean(saved && (saved.step > 0 || saved.text !== "")));

  useEffect(() => {
    if (result) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify({ step, text, rows, removed: [...removed], existing: [...existing], sendInstructions, emailExisting, runKey } satisfies Saved));
  }, [storageKey, step, text, rows, removed, existing, sendInstructions, emailExisting, runKey, result]);

  // On Check data, an address edited into another is looked up once the typing pauses, so one edited into an existing user's is marked at once.
  useEffect(() => {
    if (step !== 1) return;
    const fresh = [...new Set(rows.filter((r) => !rowIssues(r).email).map((r) => addressKey(r.email)))].filter((k) => !checked.current.has(k));
    if (fresh.length === 0) return;
    const timer = window.setTimeout(() => {
      void checkExistingAction({ emails: fresh })
        .then((found) => {
          if (!found.ok) return;
          fresh.forEach((k) => checked.current.add(k));
          if (found.data.length) setExisting((prev) => new Set([...prev, ...found.data]));
        })
        .catch(() => undefined);
    }, RECHECK_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [step, rows]);

  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => parseAddressList(deferred), [deferred]);
  const overLimit = overLimitMessage(parsed.addresses.length, limit);

  function toCheckData() {
    // Rows still in the list keep their Check data edits; the others come fresh from the list.
    const next = checkRowsFor(parsed.addresses, rows, removed);
    startTransition(async () => {
      const keys = next.map((r) => addressKey(r.email));
      const found = await checkExistingAction({ emails: keys });
      if (!found.ok) return setError(found.error);
      setError(undefined);
      checked.current = new Set(keys);
      setExisting(new Set(found.data));
      setRows(next);
      setStep(1);
    });
  }

  function restoreRemoved() {
    setRemoved(new Set());
    setRows((rs) => checkRowsFor(parsed.addresses, rs, new Set()));
  }

  const existingRows = rows.filter((r) => existing.has(addressKey(r.email))).length;
  const emailsToSend = sendInstructions ? rows.length - existingRows + (emailExisting ? existingRows : 0) : 0;

  function toSendInstructions() {
    // Addresses edited on Check data are looked up again, so one edited into an existing user's is marked too.
    // Both are best effort: a lost answer leaves the marks and the preview as they were, never the wizard broken.
    startTransition(async () => {
      const found = await checkExistingAction({ emails: rows.map((r) => addressKey(r.email)) }).catch(() => null);
      if (found?.ok) setExisting(new Set(found.data));
    });
    setStep(2);
    if (preview === undefined) {
      startTransition(async () => {
        const message = await previewInstructionsAction({}).catch(() => null);
        if (message?.ok) setPreview(message.data.html);
      });
    }
  }

  function finish() {
    startTransition(async () => {
      let outcome: Awaited<ReturnType<typeof addUsersAction>>;
      try {
        outcome = await addUsersAction({ runKey, users: rows.map(({ email, alias, name }) => ({ email, alias, name })), sendInstructions, emailExisting });
      } catch {
        // The request may well have been done: keep the run key, so Finish again returns that result.
        return setError(LOST_ANSWER);
      }
      if (!outcome.ok) return setError(outcome.error);
      setError(undefined);
      setResult(outcome.data);
      setStep(3);
    });
  }

  async function loadFile(file: File) {
    const content = await file.text();
    setText((t) => (t.trim() ? `${t}\n${content}` : content));
  }

  function restart() {
    sessionStorage.removeItem(storageKey);
    setRestored(false);
    setRunKey(crypto.randomUUID());
    setText("");
    setRows([]);
    setRemoved(new Set());
    checked.current = new Set();
    setResult(undefined);
    setStep(0);
  }

  if (step === 3 && result) {
    const added = rows.filter((r) => !existing.has(addressKey(r.email))).map((r) => r.email);
    return <Summary steps={steps} result={result} added={added.length === result.added ? added : []} onRestart={restart} />;
  }

  return (
    <div className="max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
      <WizardStepper steps={steps} current={step} />
      <FormAlert message={error} />
      {restored && !error ? (
        <p role="status" className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Picked up where you left off in this tab.{" "}
          <button type="button" onClick={restart} className="font-medium text-brand-700 underline">Start over</button>
        </p>
      ) : null}

      {step === 0 ? (
        <section aria-labelledby="step-emails" className="space-y-3">
          <h2 id="step-emails" className="text-base font-semibold text-ink">Enter email addresses</h2>
          <label htmlFor="addresses" className="block text-sm text-slate-700">
            Type or paste addresses, separated by new lines, commas, semicolons or spaces. Entries like{" "}
            <code className="rounded bg-slate-100 px-1">Jane Doe &lt;jane@corp.com&gt;</code> keep the name.
          </label>
          <textarea
            id="addresses"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={10}
            spellCheck={false}
            aria-describedby="address-summary"
            className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" onClick={() => fileInput.current?.click()}>Load from file</Button>
            <input ref={fileInput} type="file" accept=".txt,.csv,text/plain,text/csv" className="sr-only" aria-label="Text file with addresses"
              onChange={(e) => { const f = e.target.files?.[0]; if (f) void loadFile(f); e.target.value = ""; }} />
            <p id="address-summary" aria-live="polite" className="text-sm text-slate-700" data-testid="address-summary">
              {parsed.addresses.length} valid {parsed.addresses.length === 1 ? "address" : "addresses"}
              {parsed.duplicates ? `, ${parsed.duplicates} duplicate${parsed.duplicates === 1 ? "" : "s"} merged` : ""}
              {parsed.invalid.length ? `, ${parsed.invalid.length} not ${parsed.invalid.length === 1 ? "an address" : "addresses"}` : ""}
              {` · up to ${limit.toLocaleString("en-US")} at a time`}
            </p>
          </div>
          {overLimit ? <FormAlert message={overLimit} /> : null}
          {parsed.invalid.length > 0 ? (
            <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
              <p className="font-medium text-amber-900">These entries are not addresses and will not be added:</p>
              <ul className="mt-1 list-inside list-disc text-amber-900" data-testid="invalid-entries">
                {parsed.invalid.slice(0, 50).map((e, i) => (
                  <li key={i}><code>{e.input}</code> — {e.reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="flex justify-end">
            <Button onClick={toCheckData} disabled={pending || parsed.addresses.length === 0 || Boolean(overLimit)}>Next</Button>
          </div>
        </section>
      ) : null}

      {step === 1 ? (
        <CheckDataStep
          rows={rows}
          existing={existing}
          removedCount={removed.size}
          onRowsChange={setRows}
          onRemove={(row) => {
            setRemoved((prev) => new Set([...prev, row.source]));
            setRows((rs) => rs.filter((r) => r.key !== row.key));
          }}
          onRestoreRemoved={restoreRemoved}
          onBack={() => setStep(0)}
          onNext={toSendInstructions}
        />
      ) : null}

      {step === 2 ? (
        <section aria-labelledby="step-send" className="space-y-4">
          <h2 id="step-send" className="text-base font-semibold text-ink">Send instructions</h2>
          <label className="flex items-start gap-3 text-sm text-slate-800">
            <input type="checkbox" checked={sendInstructions} onChange={(e) => setSendInstructions(e.target.checked)} className="mt-0.5 h-4 w-4" />
            <span>
              Email the users instructions for installing the security application
              <span className="block text-slate-500">Leave this off for administrators who will only help manage devices. You can send instructions later from the users list.</span>
            </span>
          </label>
          {sendInstructions && existingRows > 0 ? (
            <label className="flex items-start gap-3 text-sm text-slate-800">
              <input type="checkbox" checked={emailExisting} onChange={(e) => setEmailExisting(e.target.checked)} className="mt-0.5 h-4 w-4" />
              <span>
                Also email the {existingRows === 1 ? "user who already exists" : `${existingRows} users who already exist`}
                <span className="block text-slate-500">Each gets a new email with a new enrollment link; links sent earlier keep working.</span>
              </span>
            </label>
          ) : null}
          {sendInstructions ? (
            <div>
              <p className="mb-1 text-sm font-medium text-slate-700">Preview</p>
              {preview ? (
                <iframe title="Preview of the instructions email" sandbox="" srcDoc={preview} className="h-96 w-full rounded-md border border-slate-200" />
              ) : (
                <p className="text-sm text-slate-500">Loading the preview…</p>
              )}
            </div>
          ) : null}
          <div className="flex justify-between">
            <Button variant="secondary" onClick={() => setStep(1)} disabled={pending}>Back</Button>
            <span className="flex items-center gap-3">
              <span className="text-sm text-slate-600" data-testid="emails-to-send">
                {emailsToSend === 0 ? "No emails will be sent." : `${emailsToSend} ${emailsToSend === 1 ? "email" : "emails"} will be sent.`}
              </span>
              <Button onClick={finish} disabled={pending}>{pending ? "Adding…" : "Finish"}</Button>
            </span>
          </div>
        </section>
      ) : null}
    </div>
  );
}
