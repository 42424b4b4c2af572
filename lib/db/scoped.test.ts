import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverModels, workspaceModels } from "./scoped";

describe("workspace-scoped models", () => {
  it("are every model of the schema with a workspaceId, and the others are listed as server-wide", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[1], scoped: /^\s+workspaceId\s+String\b/m.test(m[2]) }));
    expect(models.length).toBeGreaterThan(15);
    expect(models.filter((m) => m.scoped).map((m) => m.name).sort()).toEqual([...workspaceModels].sort());
    expect(models.filter((m) => !m.scoped).map((m) => m.name).sort()).toEqual([...serverModels].sort());
  });
});
