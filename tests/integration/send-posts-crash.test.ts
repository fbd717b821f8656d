// The crash test: a sender process killed with SIGKILL at random moments, 50 times, over one set
// of posts, then one clean run of the send-posts job. The fakes hold each answer a little, so
// kills land between a network taking a post and the sender recording it. Whatever the moment,
// Mastodon and Bluesky end with every post exactly once, and X never receives a text twice (a post
// whose fate is unknown waits in reconcile instead).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startFakeBluesky,
  startFakeMastodon,
  startFakeX,
  type FakeBluesky,
  type FakeMastodon,
  type FakeX,
} from "@/tests/fakes";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { fakeChannelEnv } from "../support/channel-env";
import { addPosts } from "../support/outbox";
import { root, startCli } from "../support/processes";

const RUNS = 50;
const POSTS_PER_CHANNEL = 100;

/** mulberry32: the same kill moments and answer delays on every run of the test. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let database: TestDatabase;
let x: FakeX;
let masto: FakeMastodon;
let sky: FakeBluesky;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  [x, masto, sky] = await Promise.all([startFakeX(), startFakeMastodon(), startFakeBluesky()]);
  const random = seeded(20260120);
  for (const fake of [x, masto, sky]) fake.delayAnswers(() => 2 + random() * 30);
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-crash-"));
  const configFile = path.join(dir, "liftoff.config.yaml");
  writeFileSync(
    configFile,
    `service: { name: Stashbox, domain: stashbox.test }
channels:
  - { key: x, kind: x, baseUrl: "${x.url}", apiKeyEnv: X_KEY, apiSecretEnv: X_SECRET, accessTokenEnv: X_TOKEN, accessSecretEnv: X_TOKEN_SECRET, dailyCap: 10000 }
  - { key: masto, kind: mastodon, baseUrl: "${masto.url}", tokenEnv: MASTO_TOKEN, dailyCap: 10000 }
  - { key: sky, kind: bluesky, baseUrl: "${sky.url}", identifierEnv: SKY_ID, passwordEnv: SKY_PASSWORD, dailyCap: 10000 }
`,
  );
  env = {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: configFile,
    LOG_LEVEL: "warn",
    ...fakeChannelEnv({ x, masto, sky }),
  };
});
afterAll(async () => {
  await Promise.all([x, masto, sky].map((fake) => fake?.close()));
  await database?.drop();
});

/** Starts the sender process; resolves once it can send. */
function startSender(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "tests/support/send-posts-child.ts")],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("ready\n")) resolve(child);
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`sender exited (${code}) early:\n${output}`)));
  });
}

/** True once no sender holds the live-sender lock: the killed ones' sessions have ended. */
async function noSenderAlive(): Promise<boolean> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext('liftoff:posts'), hashtext('senders')) AS free",
    );
    return rows[0]!.free;
  } finally {
    await client.end();
  }
}

/** How many requests carried each post text to a network's posting endpoint. */
function textsReceived(fake: FakeX | FakeMastodon | FakeBluesky, field: (json: never) => unknown) {
  const counts = new Map<string, number>();
  for (const request of fake.received) {
    const text = request.json ? field(request.json as never) : undefined;
    if (typeof text === "string") counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}

describe("a sender killed at random moments", () => {
  it(
    "never posts twice where that can be prevented, and never loses a post",
    { timeout: 300_000 },
    async () => {
      const channels = ["x", "masto", "sky"];
      const texts = (channel: string) =>
        Array.from(
          { length: POSTS_PER_CHANNEL },
          (_, i) => `Stashbox milestone ${i + 1} on ${channel}`,
        );
      await addPosts(
        database.db,
        channels.flatMap((channel) => texts(channel).map((text) => ({ channel, text }))),
      );

      const random = seeded(7);
      for (let run = 0; run < RUNS; run++) {
        const sender = await startSender();
        await sleep(random() * 250);
        const exited = new Promise((resolve) => sender.once("exit", resolve));
        sender.kill("SIGKILL");
        await exited;
      }
      await expect.poll(noSenderAlive, { timeout: 30_000, interval: 100 }).toBe(true);

      const clean = startCli(["jobs", "run", "send-posts"], env);
      expect(await clean.exited, clean.output()).toBe(0);
      expect(clean.output()).toMatch(/send-posts: success/);

      const rows = await database.db.post.findMany({ orderBy: { id: "asc" } });
      const of = (channel: string) => rows.filter((r) => r.channel === channel);

      // Mastodon and Bluesky: every post sent, each exactly once on the network.
      for (const channel of ["masto", "sky"]) {
        expect(of(channel).map((r) => r.status)).toEqual(Array(POSTS_PER_CHANNEL).fill("sent"));
      }
      expect(masto.statuses.map((s) => s.text).sort()).toEqual(texts("masto").sort());
      expect(masto.postCount()).toBe(POSTS_PER_CHANNEL);
      const records = sky.records().map((r) => (r.record as { text: string }).text);
      expect(records.sort()).toEqual(texts("sky").sort());
      expect(sky.postCount()).toBe(POSTS_PER_CHANNEL);

      // X: no text ever reached it twice; each post is sent (and is the tweet) or left to a founder.
      const toX = textsReceived(x, (json: { text?: unknown }) => json.text);
      expect([...toX].filter(([, n]) => n > 1)).toEqual([]);
      const tweets = new Map(x.tweets.map((t) => [t.text, t.id]));
      for (const row of of("x")) {
        expect(["sent", "reconcile"]).toContain(row.status);
        if (row.status === "sent") expect(row.externalId).toBe(tweets.get(row.text));
        else expect(row.error).toMatch(/may or may not have been posted/);
      }
      // The kills did land mid-send: some posts were half-sent when their sender died.
      const interrupted = of("x").filter((r) => r.status === "reconcile").length;
      const resent = masto.received.length - POSTS_PER_CHANNEL;
      expect(interrupted + resent).toBeGreaterThan(0);
    },
  );
});
