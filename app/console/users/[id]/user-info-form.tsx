"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { fieldErrorsOf } from "@/lib/forms";
import { updateUserSchema } from "@/lib/users/schema";
import { updateUserAction } from "../actions";

type Props = {
  user: { id: string; email: string; displayName: string; phone: string; roleId: string };
  roles: { id: string; name: string }[];
  canEdit: boolean;
};

/** The User Info tab's edit form. */
export function UserInfoForm({ user, roles, canEdit }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { userId: user.id, ...Object.fromEntries(new FormData(event.currentTarget)) };
    const parsed = updateUserSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      setMessage({ tone: "error", text: "Check the highlighted fields." });
      return;
    }
    startTransition(async () => {
      const result = await updateUserAction(parsed.data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setErrors({});
      setMessage({ tone: "success", text: "Changes saved." });
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
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
