import { describe, expect, it } from "vitest";
import { listDevicesPage } from "@/lib/devices/list-devices-page";
import { deviceListQuerySchema } from "@/lib/devices/schema";
import { createUser, createWorkspace } from "../factories";
import { testDb, testProviders } from "../support/db";

const query = (q: Record<string, string> = {}) => deviceListQuerySchema.parse(q);

describe.each(testProviders)("devices list on %s", (provider) => {
  const db = testDb(provider);

  it("searches name, model and user email, filters by OS, activity and user, sorts, and pages by keyset", async () => {
    const { workspace, roles } = await createWorkspace(db);
    const now = new Date();
    const ada = await createUser(db, workspace.id, { roleId: roles.user, email: "ada@corp.example" });
    const bob = await createUser(db, workspace.id, { roleId: roles.user, email: "bob@corp.example" });
    const ago = (days: number | null) => (days === null ? null : new Date(now.getTime() - days * 86_400_000));
    const specs = [
      { userId: ada.id, osFamily: "WINDOWS", name: "Ada Laptop", model: "ThinkPad", last: 0.5 },
      { userId: ada.id, osFamily: "ANDROID", name: "Ada Phone", model: "Pixel 8", last: 3 },
      { userId: bob.id, osFamily: "WINDOWS", name: "Bob Desktop", model: "OptiPlex", last: 20 },
      { userId: bob.id, osFamily: "MACOS", name: "Bob Mac", model: "MacBook Air", last: 90 },
      { userId: bob.id, osFamily: "LINUX", name: "build-box", model: "", last: null },
    ] as const;
    for (const [i, s] of specs.entries()) {
      await db.device.create({ data: { workspaceId: workspace.id, userId: s.userId, osFamily: s.osFamily, name: s.name, model: s.model, credentialHash: `h-${workspace.id}-${i}`, lastActivityAt: ago(s.last) } });
    }
    const names = async (q: Record<string, string>) => (await listDevicesPage(db, workspace.id, query(q), now)).rows.map((r) => r.name);

    expect(await names({})).toEqual(["Ada Laptop", "Ada Phone", "Bob Desktop", "Bob Mac", "build-box"]);
    expect(await names({ q: "laptop" })).toEqual(["Ada Laptop"]);
    expect(await names({ q: "pixel" })).toEqual(["Ada Phone"]);
    expect(await names({ q: "bob@" })).toEqual(["Bob Desktop", "Bob Mac", "build-box"]);
    expect(await names({ os: "WINDOWS" })).toEqual(["Ada Laptop", "Bob Desktop"]);
    expect(await names({ activity: "24h" })).toEqual(["Ada Laptop"]);
    expect(await names({ activity: "7d" })).toEqual(["Ada Laptop", "Ada Phone"]);
    expect(await names({ activity: "30d" })).toEqual(["Ada Laptop", "Ada Phone", "Bob Desktop"]);
    expect(await names({ activity: "older" })).toEqual(["Bob Mac"]);
    expect(await names({ activity: "never" })).toEqual(["build-box"]);
    expect(await names({ user: ada.id })).toEqual(["Ada Laptop", "Ada Phone"]);
    expect(await names({ sort: "name", dir: "asc" })).toEqual(["Ada Laptop", "Ada Phone", "Bob Desktop", "Bob Mac", "build-box"]);
    expect(await names({ sort: "lastActivity", dir: "asc" })).toEqual(["build-box", "Bob Mac", "Bob Desktop", "Ada Phone", "Ada Laptop"]);
    // Bad query values fall back to defaults rather than failing.
    expect(await names({ os: "BEOS", sort: "color", activity: "soon" })).toHaveLength(5);
  });

  it("walks 120 devices in pages of 50 forward and back, each once", async () => {
    const { workspace, roles } = await createWorkspace(db);
    const user = await createUser(db, workspace.id, { roleId: roles.user });
    await db.device.createMany({ data: Array.from({ length: 120 }, (_, i) => ({
      workspaceId: workspace.id, userId: user.id, osFamily: "WINDOWS" as const, name: `pc-${String(i).padStart(3, "0")}`,
      credentialHash: `p-${workspace.id}-${i}`, lastActivityAt: i % 3 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 7))),
    })) });
    const seen: string[] = [];
    let page = await listDevicesPage(db, workspace.id, query());
    const pages = [page];
    seen.push(...page.rows.map((r) => r.id));
    while (page.next) {
      page = await listDevicesPage(db, workspace.id, query({ cursor: page.next }));
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    const back = await listDevicesPage(db, workspace.id, query({ cursor: pages[2].prev! }));
    expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
    expect(back.start).toBe(50);
  });
});
