"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/button";
import { FormAlert } from "@/components/form-alert";
import { FormField } from "@/components/form-field";
import { Modal } from "@/components/modal";
import type { Permission } from "@/lib/auth/permissions";
import { fieldErrorsOf } from "@/lib/forms";
import type { RoleRow } from "@/lib/roles/list-roles";
import { createRoleSchema } from "@/lib/roles/schema";
import { createRoleAction, updateRoleAction } from "./actions";

export type PermissionEntry = { id: Permission; label: string; description: string };

type Props = { role: RoleRow | null; catalogue: PermissionEntry[]; held: Permission[]; onClose: () => void; onSaved: (text: string) => void };

/** New role / Edit role: the name, whether it reaches the console, and the declared permissions with what each allows. */
export function RoleEditor({ role, catalogue, held, onClose, onSaved }: Props) {
  const [name, setName] = useState(role?.name ?? "");
  const [consoleAccess, setConsoleAccess] = useState(role?.consoleAccess ?? true);
  const [chosen, setChosen] = useState<Set<Permission>>(new Set(role?.permissions ?? []));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const heldSet = new Set(held);
  const formId = role ? `role-form-${role.id}` : "role-form-new";

  function toggle(p: Permission, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(p);
    else next.delete(p);
    setChosen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name, consoleAccess, permissions: consoleAccess ? catalogue.map((c) => c.id).filter((p) => chosen.has(p)) : [] };
    const parsed = createRoleSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      setMessage("Check the highlighted fields.");
      return;
    }
    startTransition(async () => {
      const result = role ? await updateRoleAction({ ...parsed.data, roleId: role.id }) : await createRoleAction(parsed.data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.error);
        return;
      }
      onSaved(role ? `Saved the role "${parsed.data.name}".` : `Created the role "${parsed.data.name}".`);
    });
  }

  return (
    <Modal
      open
      size="lg"
      title={role ? `Edit role "${role.name}"` : "New role"}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>Cancel</Button>
          <Button type="submit" form={formId} disabled={pending}>{pending ? "Saving…" : role ? "Save role" : "Create role"}</Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        <FormAlert message={message} />
        <FormField label="Role name" name="name" value={name} onChange={(e) => { setName(e.target.value); setErrors((old) => ({ ...old, name: [] })); }} errors={errors.name} maxLength={60} autoComplete="off" />
        <div className="flex items-start gap-2">
          <input id="field-consoleAccess" type="checkbox" className="mt-1" checked={consoleAccess} onChange={(e) => setConsoleAccess(e.target.checked)} />
          <label htmlFor="field-consoleAccess" className="text-sm text-slate-700">
            <span className="font-medium text-slate-800">Can sign in to the console</span>
            <span className="block text-xs text-slate-500">Users given this role get an account activation email with a link to set their password.</span>
          </label>
        </div>
        <fieldset disabled={!consoleAccess} aria-describedby={errors.permissions ? "permissions-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Permissions</legend>
          <ul className="mt-2 space-y-2">
            {catalogue.map((p) => {
              const mine = heldSet.has(p.id);
              return (
                <li key={p.id} className="flex items-start gap-2">
                  <input
                    id={`perm-${p.id}`}
                    type="checkbox"
                    className="mt-1"
                    checked={consoleAccess && chosen.has(p.id)}
                    disabled={!mine}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                    aria-describedby={`perm-${p.id}-desc`}
                  />
                  <label htmlFor={`perm-${p.id}`} className="text-sm text-slate-700">
                    <span className="font-medium text-slate-800">{p.label}</span>
                    <span id={`perm-${p.id}-desc`} className="block text-xs text-slate-600">
                      {p.description}
                      {mine ? "" : " (Your role does not hold it, so you cannot give it.)"}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {errors.permissions ? <p id="permissions-error" className="mt-2 text-xs text-red-600">{errors.permissions.join(" ")}</p> : null}
        </fieldset>
      </form>
    </Modal>
  );
}
