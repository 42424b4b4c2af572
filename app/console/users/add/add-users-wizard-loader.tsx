"use client";

import dynamic from "next/dynamic";

/**
 * The Add users wizard, rendered in the browser only: it starts from this
 * tab's session storage (a run not finished yet), which the server cannot see.
 */
export const AddUsersWizardLoader = dynamic(() => import("./add-users-wizard").then((m) => m.AddUsersWizard), {
  ssr: false,
  loading: () => <div className="max-w-4xl rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500">Loading…</div>,
});
