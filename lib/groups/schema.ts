import { z } from "zod";

/** How many users one membership change takes; a bulk change by "all matching" runs in batches of this (SQLite binds at most 999 parameters a statement). */
export const MEMBERSHIP_BATCH = 500;

const id = z.string().trim().min(1).max(64);

/** A group's name as typed: inner runs of spaces become one; 1–100 characters. */
export const groupNameSchema = z
  .string()
  .transform((v) => v.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "Enter a name for the group").max(100, "Use at most 100 characters"));

/** Names compare case-insensitively within a workspace (the unique index on nameNormalized decides). */
export function normalizeGroupName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export const createGroupSchema = z.object({ name: groupNameSchema });
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

export const renameGroupSchema = z.object({ id, name: groupNameSchema });
export type RenameGroupInput = z.infer<typeof renameGroupSchema>;

export const deleteGroupSchema = z.object({ id });
export type DeleteGroupInput = z.infer<typeof deleteGroupSchema>;

/** Adds or removes every listed user to or from every listed group (a group page: one group; a user's Groups tab: one user). */
export const membershipSchema = z.object({
  groupIds: z.array(id).min(1, "Choose at least one group").max(100),
  userIds: z.array(id).min(1, "Choose at least one user").max(MEMBERSHIP_BATCH),
});
export type MembershipInput = z.infer<typeof membershipSchema>;

/** The type-ahead's query: text typed so far, and a group (or user) whose members (or groups) are left out. */
export const suggestSchema = z.object({ q: z.string().trim().max(100), exclude: z.string().max(64).optional() });
export type SuggestInput = z.infer<typeof suggestSchema>;

/** The Groups list's URL parameters; anything malformed falls back to the default. */
export const groupListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(["name", "created"]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  cursor: z.string().max(600).catch(""),
});
export type GroupListQuery = z.infer<typeof groupListQuerySchema>;

/** The Groups list's URL for a query changed by `change`; the cursor starts over unless named. */
export function groupListHref(query: GroupListQuery, change: Partial<GroupListQuery>): string {
  const next = { ...query, cursor: "", ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.cursor) params.set("cursor", next.cursor);
  const qs = params.toString();
  return qs ? `/console/groups?${qs}` : "/console/groups";
}
