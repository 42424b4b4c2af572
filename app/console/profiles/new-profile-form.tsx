"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useActionForm } from "@/components/use-action-form";
import { createProfileSchema, profileOsLabels, profileOsValues } from "@/lib/profiles/schema";
import { createProfileAction } from "./actions";

/** "New profile": a name and the OS family; the editor opens for its settings. */
export function NewProfileForm() {
  const router = useRouter();
  const { onSubmit, pending, errors, message } = useActionForm(createProfileSchema, createProfileAction, {
    success: "Profile created.",
    onSuccess: (data) => router.push(`/console/profiles/${data.id}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New profile" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-base font-semibold text-slate-900">New profile</h2>
      <FormAlert message={message?.tone === "error" ? message.text : undefined} />
      <div className="flex flex-wrap items-start gap-4">
        <FormField label="Profile name" name="name" errors={errors.name} className="w-72" />
        <div>
          <label htmlFor="field-osFamily" className="block text-sm font-medium text-slate-700">Operating system</label>
          <select id="field-osFamily" name="osFamily" defaultValue="WINDOWS" className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {profileOsValues.map((os) => <option key={os} value={os}>{profileOsLabels[os]}</option>)}
          </select>
          {errors.osFamily ? <p className="mt-1 text-xs text-red-600">{errors.osFamily.join(" ")}</p> : null}
        </div>
        <Button type="submit" disabled={pending} className="mt-6">{pending ? "Creating…" : "Create profile"}</Button>
      </div>
    </form>
  );
}
