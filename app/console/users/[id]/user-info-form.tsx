"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { useActionForm } from "@/components/use-action-form";
import { updateUserSchema } from "@/lib/users/schema";
import { updateUserAction } from "../actions";

type Props = {
  user: { id: string; email: string; displayName: string; phone: string; roleId: string };
  roles: { id: string; name: string }[];
  canEdit: boolean;
};

const fields = ["email", "displayName", "phone", "roleId"] as const;
type Values = Record<(typeof fields)[number], string>;

function valuesOf(form: HTMLFormElement): Values {
  const data = new FormData(form);
  return Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? "")])) as Values;
}

/** The User Info tab's edit form; leaving it with unsaved edits asks first. */
export function UserInfoForm({ user, roles, canEdit }: Props) {
  const router = useRouter();
  // The values last saved (or loaded): the form is dirty while what is typed differs from them.
  const [saved, setSaved] = useState<Values>({ email: user.email, displayName: user.displayName, phone: user.phone, roleId: user.roleId });
  const [dirty, setDirty] = useState(false);
  const { onSubmit, pending, errors, message } = useActionForm(updateUserSchema, updateUserAction, {
    extra: { userId: user.id },
    success: "Changes saved.",
    onSuccess: (_data, form) => {
      setSaved(valuesOf(form));
      setDirty(false);
      router.refresh();
    },
  });
  const track = (e: FormEvent<HTMLFormElement>) => {
    const now = valuesOf(e.currentTarget);
    setDirty(fields.some((f) => now[f] !== saved[f]));
  };

  return (
    <form onSubmit={onSubmit} onInput={track} onChange={track} noValidate className="max-w-xl space-y-4">
      {canEdit ? <UnsavedChangesGuard dirty={dirty} onDiscard={() => setDirty(false)} /> : null}
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Email" name="email" type="email" defaultValue={user.email} errors={errors.email} disabled={!canEdit} hint="The user's logon ID and where messages go." />
      <FormField label="Name" name="displayName" defaultValue={user.displayName} errors={errors.displayName} disabled={!canEdit} />
      <FormField label="Phone" name="phone" type="tel" defaultValue={user.phone} errors={errors.phone} disabled={!canEdit} />
      <div>
        <label htmlFor="field-roleId" className="block text-sm font-medium text-slate-700">Role</label>
        <select id="field-roleId" name="roleId" defaultValue={user.roleId} disabled={!canEdit} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {roles.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
        {errors.roleId ? <p className="mt-1 text-xs text-red-600">{errors.roleId.join(" ")}</p> : null}
      </div>
      {canEdit ? (
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save changes"}</Button>
      ) : null}
    </form>
  );
}
