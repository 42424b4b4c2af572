/** `npx tsx bench/mail-only.ts`: only the Add users Finish and outbox figures, without seeding 100,000 users (a quick check on a shared machine). */
import "./lib/production";
import os from "node:os";
import type { Provider } from "@/lib/db/schema-source";
import { openBenchDatabase } from "./lib/database";
import { benchFinish } from "./add-users";
import { benchOutbox } from "./outbox";

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  for (const provider of ["sqlite", "postgresql"] as Provider[]) {
    const bench = await openBenchDatabase(provider);
    try {
      const finish = await benchFinish(bench);
      console.log(`${provider}: Add users Finish (3,000 users + tokens + queued emails) ${finish.finishMs.toFixed(1)} ms median of 3; raw driver ${finish.rawMs.toFixed(1)} ms`);
      const outbox = await benchOutbox(bench.db);
      console.log(`${provider}: outbox ${outbox.messages} messages queued in ${outbox.queueMs.toFixed(1)} ms, delivered in ${outbox.deliverSeconds.toFixed(2)} s: ${Math.round(outbox.perSecond)} messages/s`);
    } finally {
      await bench.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
