/** Effective policies for 10,000 devices in one computation, and the agent's GET /api/agent/policy median and p95. */
import { randomBytes } from "node:crypto";
import { GET as policyGET } from "@/app/api/agent/policy/route";
import { sha256 } from "@/lib/crypto/tokens";
import { assignProfile } from "@/lib/profiles/assign-profile";
import { computeEffectivePolicies } from "@/lib/profiles/effective-policy";
import { createProfile, updateProfile } from "@/lib/profiles/manage-profiles";
import { consoleContextFor, createGroups, createUsers, createWorkspace } from "@/tests/factories";
import type { BenchDatabase } from "./lib/database";
import { median, percentile } from "./lib/stats";

export type ProfileFigures = { devices: number; groups: number; computeMs: number; computeP95: number; requestMedian: number; requestP95: number; requests: number; notModifiedMedian: number };

const DESKTOP = { antivirus: "on", firewall: "on", containmentMode: "audit", webFiltering: "monitor" };

/**
 * A workspace of 10,000 devices (about 8,400 users), each user in two of
 * 20 groups, every group with a Windows, macOS and Android profile and some
 * users with their own: all devices' policies at once (5 runs), then 400
 * policy requests through the route handler (every 4th with a matching
 * If-None-Match, answered 304) from 100 devices.
 */
export async function benchProfiles(bench: BenchDatabase): Promise<ProfileFigures> {
  process.env.DATABASE_URL = bench.url;
  const db = bench.db;
  const { workspace, admin, roles } = await createWorkspace(db, { name: "Profiles bench" });
  const ctx = await consoleContextFor(db, admin.id);
  const { userIds } = await createUsers(db, workspace.id, 8_400, { roleId: roles.user, withDevices: 0.6, seed: 77 });
  const groups = Array.from({ length: 20 }, (_, g) => ({ name: `Team ${g}`, memberIds: userIds.filter((_, i) => i % 20 === g || i % 20 === (g + 7) % 20) }));
  const { groupIds } = await createGroups(db, workspace.id, groups);
  for (const [g, groupId] of groupIds.entries()) {
    for (const osFamily of ["WINDOWS", "MACOS", "ANDROID"] as const) {
      const name = `Team ${g} ${osFamily}`;
      const { id } = await createProfile(ctx, { name, osFamily });
      await updateProfile(ctx, { profileId: id, name, ...(osFamily === "ANDROID" ? { screenLock: "on", passwordMinLength: String(4 + (g % 8)) } : { ...DESKTOP, diskEncryptionRequired: g % 2 ? "on" : "off" }) });
      await assignProfile(ctx, { profileId: id, target: "group", targetId: groupId });
    }
  }
  const { id: own } = await createProfile(ctx, { name: "Exceptions", osFamily: "WINDOWS" });
  await updateProfile(ctx, { profileId: own, name: "Exceptions", containmentMode: "off" });
  for (const userId of userIds.filter((_, i) => i % 50 === 0)) await assignProfile(ctx, { profileId: own, target: "user", targetId: userId });
  const devices = await db.device.count({ where: { workspaceId: workspace.id } });

  const computeRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const all = await computeEffectivePolicies(db, workspace.id);
    if (i >= 2) computeRuns.push(performance.now() - t);
    if (all.size !== devices) throw new Error("not every device has a policy");
  }

  // Known credentials for 100 devices (the factory stores hashes of random ones).
  const sample = await db.device.findMany({ where: { workspaceId: workspace.id }, select: { id: true }, take: 100, orderBy: { id: "asc" } });
  const credentials = sample.map(() => randomBytes(32).toString("base64url"));
  for (const [i, d] of sample.entries()) await db.device.update({ where: { id: d.id }, data: { credentialHash: sha256(credentials[i]) } });
  const etags = new Map<string, string>();
  const call = async (i: number) => {
    const credential = credentials[i % credentials.length];
    const conditional = i % 4 === 3 ? etags.get(credential) : undefined;
    const t = performance.now();
    const res = await policyGET(new Request("http://localhost/api/agent/policy", {
      headers: { authorization: `Bearer ${credential}`, "x-roster-client-address": `192.0.2.${i % 200}`, ...(conditional ? { "if-none-match": conditional } : {}) },
    }));
    await res.text();
    const elapsed = performance.now() - t;
    if (res.status !== 200 && res.status !== 304) throw new Error(`policy request: ${res.status}`);
    etags.set(credential, res.headers.get("etag")!);
    return { elapsed, status: res.status };
  };
  for (let i = 0; i < 20; i++) await call(i);
  const timings: { elapsed: number; status: number }[] = [];
  for (let i = 0; i < 400; i++) timings.push(await call(i));
  const all = timings.map((t) => t.elapsed);
  return {
    devices,
    groups: groupIds.length,
    computeMs: median(computeRuns),
    computeP95: Math.max(...computeRuns),
    requestMedian: median(all),
    requestP95: percentile(all, 0.95),
    requests: all.length,
    notModifiedMedian: median(timings.filter((t) => t.status === 304).map((t) => t.elapsed)),
  };
}
