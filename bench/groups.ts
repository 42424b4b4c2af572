/** Group membership: adding 3,000 users to a group (the users list's "all matching" path, 500 a transaction) and removing them. */
import { bulkMembership } from "@/lib/groups/bulk-membership";
import { createGroup } from "@/lib/groups/create-group";
import { consoleContextFor, createUsers, createWorkspace } from "@/tests/factories";
import type { BenchDatabase } from "./lib/database";
import { median } from "./lib/stats";

const COUNT = 3_000;

/** Median ms (of `runs`, after one warm-up) to add 3,000 users to a group and to remove them again. */
export async function benchGroupMembers(bench: BenchDatabase, runs = 3): Promise<{ users: number; addMs: number; removeMs: number }> {
  const { workspace, admin, roles } = await createWorkspace(bench.db, { name: "Groups bench" });
  // The administrator is a user too; the bench's users are the other 3,000 (role User).
  await createUsers(bench.db, workspace.id, COUNT, { roleId: roles.user });
  const ctx = await consoleContextFor(bench.db, admin.id);
  const group = await createGroup(ctx, { name: "Bench group" });
  const selection = { matching: { role: roles.user } };
  const add: number[] = [];
  const remove: number[] = [];
  let users = 0;
  for (let run = 0; run <= runs; run++) {
    let t = performance.now();
    const added = await bulkMembership(ctx, { op: "add", groupIds: [group.id], selection });
    const addMs = performance.now() - t;
    t = performance.now();
    const removed = await bulkMembership(ctx, { op: "remove", groupIds: [group.id], selection });
    const removeMs = performance.now() - t;
    if (added.changed !== COUNT || removed.changed !== COUNT) throw new Error(`added ${added.changed}, removed ${removed.changed}`);
    users = added.users;
    if (run === 0) continue; // warm-up
    add.push(addMs);
    remove.push(removeMs);
  }
  return { users, addMs: median(add), removeMs: median(remove) };
}
