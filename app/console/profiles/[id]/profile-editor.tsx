"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useActionForm } from "@/components/use-action-form";
import type { OsFamily } from "@/lib/db/generated/postgresql/enums.ts";
import { settingFields, settingValueLabel, updateProfileSchema, type ProfileSettings } from "@/lib/profiles/schema";
import { updateProfileAction } from "../actions";

const selectClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm ${invalid ? "border-red-500" : "border-slate-300"}`;

/** The profile editor: its name and each setting of its OS ("Not set" leaves the setting to other profiles). */
export function ProfileEditor({ profile, canEdit }: { profile: { id: string; name: string; osFamily: OsFamily; settings: ProfileSettings }; canEdit: boolean }) {
  const router = useRouter();
  const { onSubmit, pending, errors, message } = useActionForm(updateProfileSchema, updateProfileAction, {
    extra: { profileId: profile.id },
    success: "Profile saved.",
    onSuccess: () => router.refresh(),
  });
  const current = profile.settings as Record<string, unknown>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Profile settings" className="max-w-xl space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Profile name" name="name" defaultValue={profile.name} errors={errors.name} disabled={!canEdit} />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Settings</legend>
        {settingFields(profile.osFamily).map((field) => {
          const fieldErrors = errors[field.key];
          const value = current[field.key];
          if (field.kind === "number") {
            return (
              <FormField key={field.key} label={field.label} name={field.key} inputMode="numeric" defaultValue={value === undefined ? "" : String(value)}
                errors={fieldErrors} hint={`${field.hint} Leave empty to not set it.`} disabled={!canEdit} />
            );
          }
          const options = field.kind === "toggle" ? [["on", field.on], ["off", field.off]] : field.options.map((o) => [o, settingValueLabel(field.key, o)]);
          const selected = value === undefined ? "" : field.kind === "toggle" ? (value ? "on" : "off") : String(value);
          const errorId = `field-${field.key}-error`;
          return (
            <div key={field.key}>
              <label htmlFor={`field-${field.key}`} className="block text-sm font-medium text-slate-700">{field.label}</label>
              <select id={`field-${field.key}`} name={field.key} defaultValue={selected} disabled={!canEdit}
                aria-invalid={fieldErrors ? true : undefined} aria-describedby={fieldErrors ? errorId : undefined} className={selectClass(Boolean(fieldErrors))}>
                <option value="">Not set</option>
                {options.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
              </select>
              {fieldErrors ? <p id={errorId} className="mt-1 text-xs text-red-600">{fieldErrors.join(" ")}</p> : null}
            </div>
          );
        })}
      </fieldset>
      {canEdit ? <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save profile"}</Button> : null}
    </form>
  );
}
