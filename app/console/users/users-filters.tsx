"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { isFiltered, userListHref, type UserListFilters } from "@/lib/users/list-href";
import type { UserListQuery } from "@/lib/users/schema";

/** How long the search box waits for typing to pause before the list follows it. */
export const SEARCH_DEBOUNCE_MS = 300;

type Option = [value: string, label: string];
type SelectName = "role" | "twoFactor" | "devices" | "instructions" | "size";
type Props = { query: UserListQuery; roles: Option[]; twoFactorOptions: Option[] };

function filtersOf(query: UserListQuery): UserListFilters {
  return { q: query.q, role: query.role, twoFactor: query.twoFactor, devices: query.devices, instructions: query.instructions, size: query.size };
}

/**
 * The users list's search and filters. They apply as they change (the URL is
 * replaced, so Back leaves the list rather than stepping through filters);
 * the search waits for a pause in typing, or Enter. Without JavaScript it is
 * still a GET form: Enter in the search box submits it.
 */
export function UsersFilters({ query, roles, twoFactorOptions }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // What the controls show and the next URL is made of: it runs ahead of the URL while a change loads.
  const [values, setValues] = useState(() => filtersOf(query));
  const [q, setQ] = useState(query.q);
  const fromUrl = JSON.stringify(filtersOf(query));
  const [seenUrl, setSeenUrl] = useState(fromUrl);
  if (fromUrl !== seenUrl) {
    // The URL changed (a change of ours arriving, Clear, Back): the controls show it, and the search box too unless typing went on since.
    setSeenUrl(fromUrl);
    setValues(filtersOf(query));
    if (query.q !== values.q) setQ(query.q);
  }

  function go(change: Partial<UserListFilters>) {
    const next = { ...values, ...change };
    setValues(next);
    startTransition(() => router.replace(userListHref(query, next), { scroll: false }));
  }

  useEffect(() => {
    if (q.trim() === values.q) return;
    const timer = window.setTimeout(() => go({ q: q.trim() }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // Only typing restarts the wait; `go` is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, values.q]);

  const select = (label: string, name: SelectName, options: Option[], all = true) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-slate-600">{label}</label>
      <select
        id={`f-${name}`}
        name={name}
        value={String(values[name])}
        onChange={(e) => go(name === "size" ? { size: Number(e.target.value) as UserListQuery["size"] } : { [name]: e.target.value })}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {all ? <option value="">All</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      method="get"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        go({ q: q.trim() });
      }}
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="min-w-56 flex-1">
        <label htmlFor="q" className="block text-xs font-medium text-slate-600">Search</label>
        <input id="q" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, email or phone" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
      </div>
      {select("Role", "role", roles)}
      {select("2FA status", "twoFactor", twoFactorOptions)}
      {select("Devices", "devices", [["yes", "Has devices"], ["no", "No devices"]])}
      {select("Instructions", "instructions", [["sent", "Sent"], ["never", "Never sent"]])}
      {select("Per page", "size", [["25", "25"], ["50", "50"], ["100", "100"]], false)}
      {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
      {isFiltered({ ...query, ...values }) ? (
        <Link href={userListHref(query, { q: "", role: "", twoFactor: "", devices: "", instructions: "" })} replace scroll={false} className="py-1.5 text-sm text-brand-700 hover:underline">
          Clear
        </Link>
      ) : null}
      <span role="status" className="py-1.5 text-sm text-slate-500" data-testid="filters-status">{pending ? "Updating…" : ""}</span>
    </form>
  );
}
