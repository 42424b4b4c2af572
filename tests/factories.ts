/**
 * Test data, used alike by integration tests, Playwright, the demo seed and
 * the benchmarks. Bulk rows go through lib/db/bulk-insert, the same path the
 * product's bulk features use.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { bulkInsert, type BulkValue } from "@/lib/db/bulk-insert";
import { newId } from "@/lib/db/ids";
import { scopedDb } from "@/lib/db/scoped";
import type { ConsoleContext } from "@/lib/auth/console-context";
import { formatPermissions, rolePermissions, type Permission } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import type { TwoFactorState } from "@/lib/db/generated/postgresql/enums.ts";
import { sha256 } from "@/lib/crypto/tokens";
import { aliasFromEmail, derivedUserColumns } from "@/lib/users/fields";
import { createWorkspace as createWorkspaceRecord } from "@/lib/workspaces/create-workspace";

const firstNames = ["Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Mia", "James", "Ava", "Lucas", "Isabella", "Mateo", "Zoe", "Ethan", "Chloe", "Aarav", "Yuki", "Ingrid", "Santiago", "Fatima", "Dmitri", "Ana", "Kwame", "Léa", "Jonas", "Priya", "Wei", "Nadia"];
const lastNames = ["Smith", "Johnson", "Garcia", "Müller", "Rossi", "Kowalski", "Nguyen", "Kim", "Patel", "Silva", "Novak", "Jensen", "Dubois", "Tanaka", "Okafor", "Haddad", "Ivanova", "Costa", "Larsen", "Schmidt", "Brown", "Moreau", "Fischer", "Romero", "Sato", "Andersson", "Byrne", "Horvat", "Yilmaz", "Clarke"];
const osFamilies = ["WINDOWS", "MACOS", "ANDROID", "IOS", "LINUX", "IPADOS"] as const;
const models: Record<(typeof osFamilies)[number], string[]> = {
  WINDOWS: ["Latitude 7440", "ThinkPad T14", "Surface Laptop 5"],
  MACOS: ["MacBook Pro 14", "MacBook Air M3", "iMac 24"],
  ANDROID: ["Pixel 8", "Galaxy S24", "Moto G54"],
  IOS: ["iPhone 15", "iPhone 14", "iPhone SE"],
  LINUX: ["XPS 13", "ThinkPad X1", "Framework 13"],
  IPADOS: ["iPad Air", "iPad Pro 11"],
};
const osVersions: Record<(typeof osFamilies)[number], string> = { WINDOWS: "11 23H2", MACOS: "15.1", ANDROID: "15", IOS: "18.1", LINUX: "Ubuntu 24.04", IPADOS: "18.1" };

/** A deterministic pseudo-random generator, so generated data is the same on each run. */
export function seededRandom(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const defaultPassword = "correct horse battery staple";

/** A workspace with its built-in roles and an administrator who can sign in. */
export async function createWorkspace(db: Db, opts: { name?: string; adminEmail?: string; adminName?: string; password?: string } = {}) {
  const tag = randomBytes(4).toString("hex");
  const password = opts.password ?? defaultPassword;
  const { workspace, admin } = await createWorkspaceRecord(db, {
    companyName: opts.name ?? `Acme ${tag}`,
    displayName: opts.adminName ?? "Alex Admin",
    email: opts.adminEmail ?? `admin-${tag}@acme.test`,
    password,
  }, { openSignup: true }); // tests (and the demo) make many workspaces in one database
  const roles = await db.role.findMany({ where: { workspaceId: workspace.id } });
  const roleId = (key: string) => roles.find((r) => r.key === key)!.id;
  return { workspace, admin: { ...admin, password }, roles: { admin: roleId("admin"), user: roleId("user") } };
}

/** The console context of an administrator, for calling lib functions directly. */
export async function consoleContextFor(db: Db, userId: string): Promise<ConsoleContext> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { role: true, workspace: true } });
  return {
    // As the console hands it out: scoped to the workspace.
    db: scopedDb(db, user.workspace.id),
    sid: "test",
    address: "203.0.113.7",
    workspace: { id: user.workspace.id, name: user.workspace.name },
    user: { id: user.id, email: user.email, displayName: user.displayName, alias: user.alias },
    roleName: user.role.name,
    permissions: rolePermissions(user.role),
  };
}

export type CreateUsersOptions = {
  roleId: string;
  createdById?: string;
  /** Share of users with enrolled devices (0..1). */
  withDevices?: number;
  emailDomain?: string;
  seed?: number;
  /** Index of the first generated user, so repeated calls make distinct emails. */
  startAt?: number;
};

/**
 * Creates `count` realistic end users (names, aliases, phones, 2FA states,
 * last logins, some devices across all platforms) in one transaction.
 */
export async function createUsers(db: Db, workspaceId: string, count: number, opts: CreateUsersOptions) {
  const rand = seededRandom(opts.seed ?? 7);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const domain = opts.emailDomain ?? "corp.example";
  const start = opts.startAt ?? 0;
  const now = Date.now();
  const users: Record<string, BulkValue>[] = [];
  const devices: Record<string, BulkValue>[] = [];
  for (let i = start; i < start + count; i++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const alias = `${first}.${last}.${i}`.toLowerCase().normalize("NFD").replace(/[^\x20-\x7e]/g, "");
    const email = `${alias}@${domain}`;
    const displayName = `${first} ${last}`;
    const phone = rand() < 0.8 ? `+1 555 ${String(1000000 + ((i * 7919) % 9000000)).slice(0, 3)} ${String(i % 10000).padStart(4, "0")}` : "";
    const createdAt = new Date(now - Math.floor(rand() * 400) * 86_400_000);
    const lastLoginAt = rand() < 0.6 ? new Date(now - Math.floor(rand() * 90 * 86_400_000)) : null;
    const id = newId();
    const deviceCount = rand() < (opts.withDevices ?? 0.4) ? 1 + Math.floor(rand() * 3) : 0;
    for (let d = 0; d < deviceCount; d++) {
      const os = pick(osFamilies);
      devices.push({
        id: newId(),
        workspaceId,
        userId: id,
        enrollmentTokenId: null,
        osFamily: os,
        osVersion: osVersions[os],
        name: rand() < 0.7 ? `${first}'s ${pick(models[os])}` : "",
        model: pick(models[os]),
        components: "Agent Antivirus Firewall",
        credentialHash: sha256(randomBytes(16).toString("hex")),
        enrolledAt: createdAt,
        lastActivityAt: new Date(now - Math.floor(rand() * 14 * 86_400_000)),
      });
    }
    users.push({
      id,
      workspaceId,
      email,
      alias,
      displayName,
      phone,
      ...derivedUserColumns({ email, alias, displayName, phone }),
      roleId: opts.roleId,
      status: "ACTIVE",
      passwordHash: null,
      mustChangePassword: false,
      totpSecret: null,
      twoFactor: "NOT_AVAILABLE",
      lastLoginAt,
      deviceCount,
      exchangeDomain: null,
      exchangeUsername: null,
      source: "CONSOLE",
      nextStepsHintCount: 0,
      createdById: opts.createdById ?? null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  await db.$transaction(async (tx) => {
    await bulkInsert(tx, "User", users);
    await bulkInsert(tx, "Device", devices);
  }, { timeout: 600_000 });
  return { userIds: users.map((u) => u.id as string), devices: devices.length };
}

/**
 * Creates groups with their members in one transaction; each group lists its
 * own member ids (a user may be in several). Memberships are bulk-inserted.
 */
export async function createGroups(
  db: Db,
  workspaceId: string,
  groups: { name: string; description?: string; memberIds: readonly string[] }[],
  opts: { createdById?: string } = {},
) {
  const createdById = opts.createdById ?? null;
  const createdAt = new Date();
  const rows = groups.map((g) => ({
    id: newId(),
    workspaceId,
    name: g.name,
    nameNormalized: g.name.trim().toLowerCase(),
    description: g.description ?? "",
    createdById,
    createdAt,
  }));
  const members = groups.flatMap((g, i) =>
    [...new Set(g.memberIds)].map((userId) => ({ groupId: rows[i].id, userId, workspaceId, createdById, createdAt })),
  );
  await db.$transaction(async (tx) => {
    await bulkInsert(tx, "Group", rows);
    await bulkInsert(tx, "GroupMember", members);
  }, { timeout: 600_000 });
  return { groupIds: rows.map((r) => r.id), memberships: members.length };
}

export type CreateUserOptions = {
  roleId: string;
  /** Defaults to a unique address at corp.example. */
  email?: string;
  displayName?: string;
  phone?: string;
  /** With a console role, a password lets the user sign in. */
  password?: string;
  /** How many enrolled devices the user gets (rows and the list's count). */
  devices?: number;
  twoFactor?: TwoFactorState;
  lastLoginAt?: Date | null;
  createdById?: string;
};

/**
 * One user with exactly the given fields (and its devices), for tests that
 * need to name a particular person; createUsers is for bulk.
 */
export async function createUser(db: Db, workspaceId: string, opts: CreateUserOptions) {
  const email = opts.email ?? `user-${randomBytes(4).toString("hex")}@corp.example`;
  const alias = aliasFromEmail(email);
  const displayName = opts.displayName ?? "";
  const phone = opts.phone ?? "";
  const deviceCount = opts.devices ?? 0;
  const passwordHash = opts.password ? await hashPassword(opts.password) : null;
  const user = await db.$transaction(async (tx) => {
    const row = await tx.user.create({
      data: {
        workspaceId,
        email,
        alias,
        displayName,
        phone,
        ...derivedUserColumns({ email, alias, displayName, phone }),
        roleId: opts.roleId,
        passwordHash,
        twoFactor: opts.twoFactor ?? (passwordHash ? "NOT_ACTIVE" : "NOT_AVAILABLE"),
        lastLoginAt: opts.lastLoginAt ?? null,
        deviceCount,
        createdById: opts.createdById ?? null,
      },
      select: { id: true, email: true, alias: true, displayName: true, phone: true },
    });
    for (let d = 0; d < deviceCount; d++) {
      await tx.device.create({
        data: {
          workspaceId,
          userId: row.id,
          osFamily: osFamilies[d % osFamilies.length],
          osVersion: osVersions[osFamilies[d % osFamilies.length]],
          name: `${displayName || alias}'s device ${d + 1}`,
          model: models[osFamilies[d % osFamilies.length]][0],
          components: "Agent Antivirus Firewall",
          credentialHash: sha256(randomBytes(16).toString("hex")),
          lastActivityAt: new Date(),
        },
      });
    }
    return row;
  });
  return { ...user, deviceCount, password: opts.password };
}

/** A custom role (no built-in key), e.g. a help desk that may do part of an administrator's work. */
export async function createRole(db: Db, workspaceId: string, opts: { name: string; permissions: readonly Permission[]; consoleAccess?: boolean }) {
  return db.role.create({
    data: { workspaceId, name: opts.name, permissions: formatPermissions(opts.permissions), consoleAccess: opts.consoleAccess ?? true },
  });
}

/** A license of the workspace. */
export async function createLicense(
  db: Db,
  workspaceId: string,
  opts: { product?: string; seats?: number; userLimit?: number | null; expiresAt?: Date; activationCode?: string; keyFileName?: string } = {},
) {
  return db.license.create({
    data: {
      workspaceId,
      product: opts.product ?? "Endpoint Security Business",
      seats: opts.seats ?? 100,
      userLimit: opts.userLimit ?? null,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 365 * 86_400_000),
      activationCode: opts.activationCode ?? null,
      keyFileName: opts.keyFileName ?? null,
    },
  });
}
