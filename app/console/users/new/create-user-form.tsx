"use client";

import { toast } from "@/components/toast";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { useActionForm } from "@/components/use-action-form";
import { createUserSchema } from "@/lib/users/create-user-schema";
import { createUserAction } from "./actions";

type Props = { roles: { id: string; name: string; consoleAccess: boolean }[]; defaultRoleId: string; groups: string[] };

/** The Create user form; on success opens the new user's page. */
export function CreateUserForm({ roles, defaultRoleId, groups }: Props) {
  const router = useRouter();
  const [roleId, setRoleId] = useState(defaultRoleId);
  const { onSubmit, pending, errors, message } = useActionForm(createUserSchema, createUserAction, {
    success: "User created.",
    onSuccess: (data) => {
      // Said on the user's page, where the form takes you.
      toast(data.queued ? "User created; instructions queued." : "User created.");
      router.push(`/console/users/${data.id}`);
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormAlert message={message?.text} tone={message?.tone} />
      <FormField label="Email" name="email" type="email" autoComplete="off" required errors={errors.email} hint="The user's logon ID and where messages go" />
      <FormField label="Name" name="displayName" autoComplete="off" errors={errors.displayName} />
      <FormField label="Phone" name="phone" type="tel" autoComplete="off" errors={errors.phone} />
      <FormField label="Group" name="group" list="group-options" autoComplete="off" errors={errors.group} hint="Pick a group or type a new name; a new group is created." />
      <datalist id="group-options">
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <div>
        <label htmlFor="field-roleId" className="block text-sm font-medium text-slate-700">Role</label>
        <select
          id="field-roleId"
          name="roleId"
          value={roleId}
          onChange={(e) => setRoleId(e.target.value)}
          aria-invalid={errors.roleId ? true : undefined}
          aria-describedby={errors.roleId ? "field-roleId-error" : "field-roleId-hint"}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {roles.map((r) => (
            <option key={r.id} value={r.id}>{r.name}</option>
          ))}
        </select>
        {errors.roleId ? <p id="field-roleId-error" className="mt-1 text-xs text-red-600">{errors.roleId.join(" ")}</p> : null}
        {roles.find((r) => r.id === roleId)?.consoleAccess ? (
          <p id="field-roleId-hint" className="mt-1 text-xs text-slate-600">This role signs in to the console: the user gets an email to set their password (the link works for 24 hours).</p>
        ) : null}
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Exchange account (optional)</legend>
        <p className="mb-2 text-xs text-slate-500">Fill in both or leave both empty.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Exchange domain" name="exchangeDomain" autoComplete="off" errors={errors.exchangeDomain} />
          <FormField label="Exchange username" name="exchangeUsername" autoComplete="off" errors={errors.exchangeUsername} />
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="sendInstructions" defaultChecked className="h-4 w-4 rounded border-slate-300" />
        Send instructions
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create user"}</Button>
      </div>
    </form>
  );
}
