import { createHash } from "node:crypto";
import type { OsFamily } from "@/lib/db/generated/postgresql/enums.ts";
import type { Db } from "@/lib/db/client";
import { containmentModes, parseStoredSettings, profileOsOf, webFilteringModes, type ProfileSettings, type SettingKey } from "./schema";

/** Where one effective setting comes from. */
export type SettingSource = { kind: "user" } | { kind: "group"; groupId: string; groupName: string };
export type EffectiveSetting = { key: SettingKey; value: boolean | number | string; profileId: string; profileName: string; source: SettingSource };
export type EffectivePolicy = { deviceId: string; osFamily: OsFamily; settings: EffectiveSetting[] };

type Candidate = EffectiveSetting & { level: 0 | 1 };

const order = (list: readonly string[]) => (v: unknown) => list.indexOf(String(v));

/** How restrictive a value is: higher is stricter (on over off, enforce over audit over off, longer passwords). */
const strictness: Record<SettingKey, (v: unknown) => number> = {
  antivirus: (v) => (v ? 1 : 0),
  firewall: (v) => (v ? 1 : 0),
  diskEncryptionRequired: (v) => (v ? 1 : 0),
  screenLock: (v) => (v ? 1 : 0),
  containmentMode: order(containmentModes),
  webFiltering: order(webFilteringModes),
  passwordMinLength: (v) => Number(v),
};

/**
 * Precedence when several profiles set one field: a profile applied to the
 * user directly wins over every group profile (so an administrator can make
 * an exception for one person); among profiles of the same level the most
 * restrictive value wins; equal values are credited to the profile whose
 * name sorts first (then the group's name), so the source shown is stable.
 */
export function mergeSettings(candidates: readonly Candidate[]): EffectiveSetting[] {
  const best = new Map<SettingKey, Candidate>();
  for (const c of candidates) {
    const current = best.get(c.key);
    if (!current || beats(c, current)) best.set(c.key, c);
  }
  return [...best.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((c) => ({ key: c.key, value: c.value, profileId: c.profileId, profileName: c.profileName, source: c.source }));
}

function beats(a: Candidate, b: Candidate): boolean {
  if (a.level !== b.level) return a.level < b.level;
  const sa = strictness[a.key](a.value);
  const sb = strictness[b.key](b.value);
  if (sa !== sb) return sa > sb;
  if (a.profileName !== b.profileName) return a.profileName < b.profileName;
  const ga = a.source.kind === "group" ? a.source.groupName : "";
  const gb = b.source.kind === "group" ? b.source.groupName : "";
  return ga < gb;
}

type ProfileRow = { id: string; name: string; osFamily: OsFamily; policy: string };

/**
 * Effective policies of a workspace's devices (all of them, or those given
 * by id or by user), from four set-based queries whatever the number of
 * devices: the devices, the users' own profiles, the users' group
 * memberships in groups that carry profiles, and those groups' profiles.
 */
export async function computeEffectivePolicies(
  db: Db,
  workspaceId: string,
  filter: { deviceIds?: readonly string[]; userId?: string } = {},
): Promise<Map<string, EffectivePolicy>> {
  const devices = await db.device.findMany({
    where: { workspaceId, ...(filter.deviceIds ? { id: { in: [...filter.deviceIds] } } : {}), ...(filter.userId ? { userId: filter.userId } : {}) },
    select: { id: true, userId: true, osFamily: true },
  });
  const out = new Map<string, EffectivePolicy>();
  if (devices.length === 0) return out;
  // A few devices: ask only for their users' rows; otherwise the workspace's (no huge IN lists).
  const userIds = [...new Set(devices.map((d) => d.userId))];
  const byUser = userIds.length <= 200 ? { userId: { in: userIds } } : {};
  const profileSelect = { select: { id: true, name: true, osFamily: true, policy: true } } as const;
  const [userProfiles, memberships] = await Promise.all([
    db.profileUser.findMany({ where: { workspaceId, ...byUser }, select: { userId: true, profile: profileSelect } }),
    db.groupMember.findMany({ where: { workspaceId, ...byUser, group: { profiles: { some: {} } } }, select: { userId: true, groupId: true } }),
  ]);
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  const groupProfiles = groupIds.length === 0 ? [] : await db.profileGroup.findMany({
    where: { workspaceId, ...(groupIds.length <= 200 ? { groupId: { in: groupIds } } : {}) },
    select: { groupId: true, group: { select: { name: true } }, profile: profileSelect },
  });

  const parsed = new Map<string, ProfileSettings>();
  const settingsOf = (p: ProfileRow) => {
    let s = parsed.get(p.id);
    if (!s) parsed.set(p.id, (s = parseStoredSettings(p.osFamily, p.policy)));
    return s;
  };
  const ownByUser = groupBy(userProfiles, (r) => r.userId);
  const groupsByUser = groupBy(memberships, (m) => m.userId);
  const profilesByGroup = groupBy(groupProfiles, (g) => g.groupId);

  for (const device of devices) {
    const os = profileOsOf(device.osFamily);
    const candidates: Candidate[] = [];
    const add = (profile: ProfileRow, level: 0 | 1, source: SettingSource) => {
      if (profile.osFamily !== os) return;
      for (const [key, value] of Object.entries(settingsOf(profile)) as [SettingKey, boolean | number | string][]) {
        if (value !== undefined) candidates.push({ key, value, profileId: profile.id, profileName: profile.name, source, level });
      }
    };
    for (const row of ownByUser.get(device.userId) ?? []) add(row.profile, 0, { kind: "user" });
    for (const m of groupsByUser.get(device.userId) ?? []) {
      for (const row of profilesByGroup.get(m.groupId) ?? []) add(row.profile, 1, { kind: "group", groupId: m.groupId, groupName: row.group.name });
    }
    out.set(device.id, { deviceId: device.id, osFamily: device.osFamily, settings: mergeSettings(candidates) });
  }
  return out;
}

/** One device's effective policy, or null when the workspace has no such device. */
export async function computeEffectivePolicy(db: Db, workspaceId: string, deviceId: string): Promise<EffectivePolicy | null> {
  return (await computeEffectivePolicies(db, workspaceId, { deviceIds: [deviceId] })).get(deviceId) ?? null;
}

/** The document the agent receives: setting → value, keys sorted, so equal policies are byte-equal. */
export function policyDocument(policy: EffectivePolicy): { osFamily: OsFamily; settings: Record<string, boolean | number | string> } {
  return { osFamily: policy.osFamily, settings: Object.fromEntries(policy.settings.map((s) => [s.key, s.value])) };
}

/** A strong ETag of the policy document (SHA-256 of its JSON). */
export function policyEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
