import type { UserListQuery } from "./schema";

/** The users list's filters, as its filter bar edits them. */
export type UserListFilters = Pick<UserListQuery, "q" | "role" | "twoFactor" | "devices" | "instructions" | "size">;

/**
 * The users list's URL for a query changed by `change` (or another path
 * taking the same query, like the export), leaving out defaults so links stay
 * short. The cursor starts over unless `change` names one.
 */
export function userListHref(query: UserListQuery, change: Partial<UserListQuery>, path = "/console/users"): string {
  const next = { ...query, cursor: "", ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.role) params.set("role", next.role);
  if (next.twoFactor) params.set("twoFactor", next.twoFactor);
  if (next.devices) params.set("devices", next.devices);
  if (next.instructions) params.set("instructions", next.instructions);
  if (next.size !== 50) params.set("size", String(next.size));
  if (next.cursor) params.set("cursor", next.cursor);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Whether the query narrows the list (search or any filter). */
export function isFiltered(query: UserListQuery): boolean {
  return Boolean(query.q || query.role || query.twoFactor || query.devices || query.instructions);
}
