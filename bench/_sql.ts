import "./lib/production";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/postgresql/client.ts";
import type { Db } from "@/lib/db/client";
import { benchCases } from "./lib/cases";
import { renderUsersPage } from "./lib/users-page";
const ws = "cmwqssd2c0000ox7dd0p7cjkp";
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:5432/roster_bench_keep" }), log: [{ emit: "event", level: "query" }] });
let on = false;
client.$on("query", (e) => { if (on) console.log(`${e.duration}ms  ${e.query}  -- ${e.params}`); });
const db = client as unknown as Db;
for (const c of await benchCases(db, ws)) {
  await renderUsersPage(db, ws, c.query);
  on = true; console.log("### " + c.name);
  await renderUsersPage(db, ws, c.query);
  on = false;
}
await client.$disconnect();
