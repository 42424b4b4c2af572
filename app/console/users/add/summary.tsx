"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/button";
import { NoticeDialog } from "@/components/notice-dialog";
import { WizardStepper } from "@/components/wizard-stepper";
import type { AddUsersResult } from "@/lib/users/add-users-schema";

const SHOWN_ADDRESSES = 10;

/** The wizard's Finish step: what was done, the added addresses as people read them, and (the first few times) what happens next. */
export function Summary({ steps, result, added, onRestart }: { steps: string[]; result: AddUsersResult; added: string[]; onRestart: () => void }) {
  // The "next steps" message is a modal closed with OK, on the first finishes with instructions (the server counts them).
  const [nextStepsOpen, setNextStepsOpen] = useState(result.showNextSteps);
  return (
    <div className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-6" data-testid="add-users-summary">
      <WizardStepper steps={steps} current={3} />
      <h2 className="text-lg font-semibold text-ink">Users added</h2>
      <ul className="space-y-1 text-sm text-slate-800">
        <li><strong>{result.added}</strong> added</li>
        <li><strong>{result.existing}</strong> skipped as existing users</li>
        <li><strong>{result.emailed}</strong> sent instructions</li>
      </ul>
      {result.added > 0 && added.length > 0 ? (
        <div className="text-sm text-slate-700">
          <p className="font-medium">Added</p>
          <ul className="mt-1 list-inside list-disc" data-testid="added-addresses">
            {added.slice(0, SHOWN_ADDRESSES).map((email) => <li key={email}>{email}</li>)}
          </ul>
          {added.length > SHOWN_ADDRESSES ? <p className="mt-1 text-slate-500">and {added.length - SHOWN_ADDRESSES} more</p> : null}
        </div>
      ) : null}
      <div className="flex gap-2">
        <Link href="/console/users" className={buttonClasses()}>Go to users</Link>
        <Button variant="secondary" onClick={onRestart}>Add more users</Button>
      </div>
      <NoticeDialog open={nextStepsOpen} title="What happens next" onClose={() => setNextStepsOpen(false)}>
        <ul className="list-inside list-disc space-y-1">
          <li>Each user receives an email with instructions and a personal enrollment link.</li>
          <li>Devices appear under the user (Users → the user → Associated Devices) once they are enrolled.</li>
          <li>If a message is lost or a link expires, select the user and choose Send instructions to send a new one.</li>
        </ul>
      </NoticeDialog>
    </div>
  );
}
