"use client";

import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Button, buttonClasses } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { WizardStepper } from "@/components/wizard-stepper";
import { overLimitMessage } from "@/lib/email-address/limits";
import { parseAddressList } from "@/lib/email-address/parse-list";
import { aliasFromEmail } from "@/lib/users/fields";
import { addUserRowSchema, type AddUsersResult } from "@/lib/users/add-users-schema";
import { addUsersAction, checkExistingAction, previewInstructionsAction } from "./actions";

const steps = ["Enter email addresses", "Check data", "Send instructions", "Finish"];
type Row = { key: number; email: string; alias: string; name: string };

/** What survives a reload of the page: the steps' data and the run key, so Finish after a lost answer is the same run. */
type Saved = { step: number; text: string; rows: Row[]; existing: string[]; sendInstructions: boolean; emailExisting?: boolean; runKey: string };

function readSaved(storageKey: string): Saved | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? "null") as Saved | null;
    return saved && typeof saved.runKey === "string" && Array.isArray(saved.rows) ? saved : null;
  } catch {
    return null;
  }
}

const LOST_ANSWER =
  "The server's answer did not arrive (the connection dropped or the console restarted). Press Finish again: it is the same run, so nobody is added or emailed twice.";

/** Add users: enter addresses → check data → send instructions → summary. */
export function AddUsersWizard({ limit, storageKey }: { limit: number; storageKey: string }) {
  // Rendered in the browser only (add-users-wizard-loader.tsx), so session storage is read as the state starts.
  const [saved] = useState(() => readSaved(storageKey));
  const [step, setStep] = useState(saved ? Math.min(Math.max(saved.step, 0), 2) : 0);
  const [text, setText] = useState(saved?.text ?? "");
  const [rows, setRows] = useState<Row[]>(saved?.rows ?? []);
  const [existing, setExisting] = useState<Set<string>>(() => new Set(saved?.existing ?? []));
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
    else sessionStorage.setItem(storageKey, JSON.stringify({ step, text, rows, existing: [...existing], sendInstructions, emailExisting, runKey } satisfies Saved));
  }, [storageKey, step, text, rows, existing, sendInstructions, emailExisting, runKey, result]);

  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => parseAddressList(deferred), [deferred]);
  const overLimit = overLimitMessage(parsed.addresses.length, limit);
  const rowErrors = rows.map((r) => addUserRowSchema.safeParse(r));
  const rowsValid = rows.length > 0 && rowErrors.every((r) => r.success) && uniqueEmails(rows);

  function toCheckData() {
    const next = parsed.addresses.map((a, i) => ({ key: i, email: a.email, alias: aliasFromEmail(a.email), name: a.name }));
    startTransition(async () => {
      const found = await checkExistingAction({ emails: next.map((r) => r.email) });
      if (!found.ok) return setError(found.error);
      setError(undefined);
      setExisting(new Set(found.data));
      setRows(next);
      setStep(1);
    });
  }

  const existingRows = rows.filter((r) => existing.has(r.email.trim().toLowerCase())).length;
  const emailsToSend = sendInstructions ? rows.length - existingRows + (emailExisting ? existingRows : 0) : 0;

  function toSendInstructions() {
    // Addresses edited on Check data are looked up again, so one edited into an existing user's is marked too.
    // Both are best effort: a lost answer leaves the marks and the preview as they were, never the wizard broken.
    startTransition(async () => {
      const found = await checkExistingAction({ emails: rows.map((r) => r.email) }).catch(() => null);
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
    setResult(undefined);
    setStep(0);
  }

  if (step === 3 && result) return <Summary result={result} onRestart={restart} />;

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
        <section aria-labelledby="step-check" className="space-y-3">
          <h2 id="step-check" className="text-base font-semibold text-ink">Check data</h2>
          <p className="text-sm text-slate-600">
            {rows.length} {rows.length === 1 ? "user" : "users"}. Edit an address or alias in place, or remove a row.
            {existing.size ? " Addresses marked as existing are not added again; the next step asks whether they get instructions again." : ""}
          </p>
          <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="sticky top-0 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">Email</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">User alias</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">Remove</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row, i) => {
                  const check = rowErrors[i];
                  const issues = check.success ? {} : Object.fromEntries(check.error.issues.map((iss) => [String(iss.path[0]), iss.message]));
                  const isExisting = existing.has(row.email.trim().toLowerCase());
                  return (
                    <tr key={row.key} data-testid="check-row">
                      <td className="px-3 py-1.5 align-top">
                        <input aria-label={`Email of row ${i + 1}`} value={row.email} aria-invalid={Boolean(issues.email) || undefined}
                          onChange={(e) => setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, email: e.target.value } : r)))}
                          className={`w-full rounded border px-2 py-1 ${issues.email ? "border-red-500" : "border-slate-300"}`} />
                        {issues.email ? <p className="mt-0.5 text-xs text-red-600">{issues.email}</p> : null}
                        {row.name ? <p className="mt-0.5 text-xs text-slate-500">Name: {row.name}</p> : null}
                        {isExisting ? <p className="mt-0.5 text-xs text-amber-700">Already a user — will not be added again</p> : null}
                      </td>
                      <td className="px-3 py-1.5 align-top">
                        <input aria-label={`Alias of row ${i + 1}`} value={row.alias} aria-invalid={Boolean(issues.alias) || undefined}
                          onChange={(e) => setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, alias: e.target.value } : r)))}
                          className={`w-full rounded border px-2 py-1 ${issues.alias ? "border-red-500" : "border-slate-300"}`} />
                        {issues.alias ? <p className="mt-0.5 text-xs text-red-600">{issues.alias}</p> : null}
                      </td>
                      <td className="px-3 py-1.5 text-right align-top">
                        <button type="button" onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label={`Remove ${row.email}`}>Remove</button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {!uniqueEmails(rows) ? <FormAlert message="Two rows have the same address; remove one." /> : null}
          <div className="flex justify-between">
            <Button variant="secondary" onClick={() => setStep(0)}>Back</Button>
            <Button onClick={toSendInstructions} disabled={!rowsValid}>Next</Button>
          </div>
        </section>
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

function uniqueEmails(rows: Row[]): boolean {
  return new Set(rows.map((r) => r.email.trim().toLowerCase())).size === rows.length;
}

function Summary({ result, onRestart }: { result: AddUsersResult; onRestart: () => void }) {
  return (
    <div className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-6" data-testid="add-users-summary">
      <WizardStepper steps={steps} current={3} />
      <h2 className="text-lg font-semibold text-ink">Users added</h2>
      <ul className="space-y-1 text-sm text-slate-800">
        <li><strong>{result.added}</strong> added</li>
        <li><strong>{result.existing}</strong> skipped as existing users</li>
        <li><strong>{result.emailed}</strong> sent instructions</li>
      </ul>
      {result.showNextSteps ? (
        <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-4 text-sm text-slate-800">
          <p className="font-medium">What happens next</p>
          <ul className="mt-1 list-inside list-disc space-y-0.5">
            <li>Each user receives an email with instructions and a personal enrollment link.</li>
            <li>Devices appear under the user (Users → the user → Associated Devices) once they are enrolled.</li>
            <li>If a message is lost or a link expires, select the user and choose Send instructions to send a new one.</li>
          </ul>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Link href="/console/users" className={buttonClasses()}>Go to users</Link>
        <Button variant="secondary" onClick={onRestart}>Add more users</Button>
      </div>
    </div>
  );
}
