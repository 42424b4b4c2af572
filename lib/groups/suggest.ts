import type { Db } from "@/lib/db/client";
import { searchKey } from "@/lib/users/fields";
import type { SuggestInput } from "./schema";

export const SUGGESTION_LIMIT = 10;

/** Up to 10 users whose name, alias or email contains the text, leaving out members of `exclude` (a group id). */
export async function suggestUsers(db: Db, workspaceId: string, input: SuggestInput) {
  if (!input.q) return [];
  return db.user.findMany({
    where: {
      workspaceId,
      searchText: { contains: searchKey(input.q) },
      ...(input.exclude ? { memberships: { none: { groupId: input.exclude } } } : {}),
    },
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    take: SUGGESTION_LIMIT,
    select: { id: true, email: true, displayName: true },
  });
}

/** Up to 10 groups whose name contains the text, leaving out those `exclude` (a user id) is in. */
export async function suggestGroups(db: Db, workspaceId: string, input: SuggestInput) {
  return db.group.findMany({
    where: {
      workspaceId,
      ...(input.q ? { nameNormalized: { contains: input.q.toLowerCase() } } : {}),
      ...(input.exclude ? { members: { none: { userId: input.exclude } } } : {}),
    },
    orderBy: [{ nameNormalized: "asc" }, { id: "asc" }],
    take: SUGGESTION_LIMIT,
    select: { id: true, name: true, _count: { select: { members: true } } },
  });
}
