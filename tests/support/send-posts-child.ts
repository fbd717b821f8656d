// A sender process for the crash test: sends the outbox's due posts, run after run, until told
// to stop (SIGKILL, by the test). It prints "ready" once connected, so the test can time its kill
// from the moment sending can start rather than from the process's start-up.
import { loadConfig } from "@/lib/config";
import { createDatabase } from "@/lib/database/client";
import { sendDuePosts } from "@/lib/social/send-posts";

const config = loadConfig(process.env.LIFTOFF_CONFIG!);
const db = createDatabase(process.env.DATABASE_URL!, { max: 6 });
await db.$queryRaw`SELECT 1`;
process.stdout.write("ready\n");
for (;;) {
  const result = await sendDuePosts(db, config, {
    now: new Date(),
    signal: new AbortController().signal,
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
