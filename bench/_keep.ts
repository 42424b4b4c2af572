import "./lib/production";
import { writeFileSync } from "node:fs";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createDb } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/url";
import { seedUsers } from "./lib/database";
const urls = { postgresql: "postgresql://postgres@127.0.0.1:5432/roster_bench_keep", sqlite: "file:/tmp/roster-bench-keep.db" };
for (const url of Object.values(urls)) {
  await applyMigrations(url);
  const db = createDb(parseDatabaseUrl(url));
  const s = await seedUsers(db);
  await db.$executeRawUnsafe("ANALYZE");
  console.log(url, s);
  writeFileSync("/tmp/bench-ws.txt", s.workspaceId + "\n", { flag: "a" });
  await db.$disconnect();
}
