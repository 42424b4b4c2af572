/**
 * `npm run demo`: loads the workspace "Northwind Demo" (2,000 users with
 * devices, groups, administrators, a license and audit events) into the
 * database DATABASE_URL names (default file:./data/roster.db), migrating it
 * first. An existing demo workspace is left alone unless `--reset` is given,
 * which deletes it (everything in it cascades) and loads it again.
 */
import { auditSearchText } from "../lib/audit/record.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { createDb } from "../lib/db/client.ts";
import { parseDatabaseUrl, redact } from "../lib/db/url.ts";
import { derivedUserColumns } from "../lib/users/fields.ts";
import { createGroups, createUsers, createWorkspace, seededRandom } from "../tests/factories.ts";
import { prepareDatabase } from "../lib/db/prepare-database.ts";

const WORKSPACE = "Northwind Demo";
const ADMIN = { name: "Nora Lindqvist", email: "admin@northwind.example", password: "northwind-demo-2026" };
const DOMAIN = "northwind.example";
const USERS = 2_000;
const DAY = 86_400_000;

/** Further administrators, with the 2FA states and last logins the console shows. */
const otherAdmins = [
  { displayName: "Marcus Webb", alias: "marcus.webb", twoFactor: "ACTIVE", lastLoginDaysAgo: 0.1, phone: "+1 555 010 2231" },
  { displayName: "Priya Raman", alias: "priya.raman", twoFactor: "ACTIVE", lastLoginDaysAgo: 3, phone: "" },
  { displayName: "Tomás Ortega", alias: "tomas.ortega", twoFactor: "NOT_ACTIVE", lastLoginDaysAgo: 26, phone: "+1 555 010 7719" },
  { displayName: "Grace Holt", alias: "grace.holt", twoFactor: "NOT_CONFIGURED", lastLoginDaysAgo: null, phone: "" },
] as const;

/** Departments (each user is in one, by these weights) plus a group that cuts across them. */
const departments = [
  { name: "Engineering", description: "Product and platform engineering", weight: 0.35 },
  { name: "Sales", description: "Field and inside sales", weight: 0.3 },
  { name: "Support", description: "Customer support, all shifts", weight: 0.2 },
  { name: "Finance", description: "Finance and legal", weight: 0.14 },
  { name: "Executives", description: "Leadership team", weight: 0.01 },
];

async function main(): Promise<void> {
  const reset = process.argv.includes("--reset");
  const target = parseDatabaseUrl();
  const where = target.provider === "sqlite" ? target.file : redact(target.url);
  const started = performance.now();
  const step = (label: string, since: number) => console.log(`  ${label.padEnd(48)} ${Math.round(performance.now() - since)} ms`);

  await prepareDatabase();
  const db = createDb(target);
  try {
    const existing = await db.workspace.findMany({ where: { name: WORKSPACE }, select: { id: true } });
    if (existing.length > 0 && !reset) {
      console.log(`The workspace "${WORKSPACE}" already exists in ${where}; nothing changed. Run \`npm run demo -- --reset\` to load it again.`);
      return;
    }
    console.log(`Loading "${WORKSPACE}" into ${where}`);
    let t = performance.now();
    if (existing.length > 0) {
      // Everything in a workspace goes with it (ON DELETE CASCADE).
      await db.workspace.deleteMany({ where: { id: { in: existing.map((w) => w.id) } } });
      step("deleted the existing workspace (--reset)", t);
    }

    t = performance.now();
    const { workspace, admin, roles } = await createWorkspace(db, { name: WORKSPACE, adminEmail: ADMIN.email, adminName: ADMIN.name, password: ADMIN.password });
    step("workspace, roles and administrator", t);

    t = performance.now();
    const { userIds, devices } = await createUsers(db, workspace.id, USERS, { roleId: roles.user, createdById: admin.id, emailDomain: DOMAIN, withDevices: 0.55, seed: 2026 });
    step(`${USERS.toLocaleString("en-US")} users, ${devices.toLocaleString("en-US")} devices`, t);

    t = performance.now();
    const rand = seededRandom(11);
    const members = departments.map(() => [] as string[]);
    const remote: string[] = [];
    for (const id of userIds) {
      let r = rand();
      const i = departments.findIndex((d) => (r -= d.weight) < 0);
      members[i === -1 ? 0 : i].push(id);
      if (rand() < 0.3) remote.push(id);
    }
    const groups = [
      ...departments.map((d, i) => ({ name: d.name, description: d.description, memberIds: members[i] })),
      { name: "Remote workers", description: "Work mostly outside the office network", memberIds: remote },
    ];
    const { groupIds, memberships } = await createGroups(db, workspace.id, groups, { createdById: admin.id });
    step(`${groups.length} groups, ${memberships.toLocaleString("en-US")} memberships`, t);

    t = performance.now();
    const now = Date.now();
    const passwordHash = await hashPassword(ADMIN.password);
    await db.$transaction(async (tx) => {
      const actor = { workspaceId: workspace.id, actorId: admin.id, actorEmail: admin.email };
      const events: { action: string; targetType: string; targetId: string; targetLabel: string; details: string; createdAt: Date }[] = [];
      const event = (action: string, targetType: string, targetId: string, targetLabel: string, daysAgo: number, details = {}) =>
        events.push({ action, targetType, targetId, targetLabel, details: JSON.stringify(details), createdAt: new Date(now - daysAgo * DAY) });
      for (const a of otherAdmins) {
        const email = `${a.alias}@${DOMAIN}`;
        const lastLoginAt = a.lastLoginDaysAgo === null ? null : new Date(now - a.lastLoginDaysAgo * DAY);
        const user = await tx.user.create({
          data: {
            workspaceId: workspace.id, email, alias: a.alias, displayName: a.displayName, phone: a.phone,
            ...derivedUserColumns({ email, alias: a.alias, displayName: a.displayName, phone: a.phone }),
            roleId: roles.admin, passwordHash, twoFactor: a.twoFactor, lastLoginAt, createdById: admin.id,
          },
        });
        event("user.create", "user", user.id, email, 30);
        if (lastLoginAt) event("auth.sign_in", "user", user.id, email, a.lastLoginDaysAgo ?? 0);
      }
      const license = await tx.license.create({
        data: { workspaceId: workspace.id, product: "Endpoint Security Cloud Plus", activationCode: "NWD7Q-2K4XM-P9RTA-6HC3E", seats: 3_000, expiresAt: new Date(now + 365 * DAY) },
      });
      event("license.add", "license", license.id, license.product, 29, { seats: license.seats });
      groupIds.forEach((id, i) => event("group.create", "group", id, groups[i].name, 28));
      const edited = await tx.user.findUniqueOrThrow({ where: { id: userIds[17] }, select: { id: true, email: true } });
      event("user.update", "user", edited.id, edited.email, 6, { changed: ["phone"] });
      await tx.auditEvent.createMany({ data: events.map((e) => ({ ...actor, ...e, searchText: auditSearchText(actor.actorEmail, e.targetLabel) })) });
      // The workspace dates from before what happened in it, so the audit log reads in order.
      const founded = new Date(now - 31 * DAY);
      await tx.workspace.update({ where: { id: workspace.id }, data: { createdAt: founded } });
      await tx.auditEvent.updateMany({ where: { workspaceId: workspace.id, action: "workspace.create" }, data: { createdAt: founded } });
    });
    step(`${otherAdmins.length} more administrators, a license, audit events`, t);

    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Sign in at http://localhost:${process.env.PORT ?? 3000} as:`);
    console.log(`  email:    ${ADMIN.email}`);
    console.log(`  password: ${ADMIN.password}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`demo failed: ${message.split("\n")[0]}`);
  process.exitCode = 1;
});
