// The outbox's sender against the fake networks over real HTTP and the real database: what is
// posted, once; how each kind of answer is recorded; the quiet hours and daily cap in auto and
// dry-run modes; approval; posts a dead sender left half-sent; two senders at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { createDatabase, type Database } from "@/lib/database/client";
import { createChannel } from "@/lib/social/create-channel";
import { recoverStaleSends } from "@/lib/social/recover-sends";
import { asLiveSender, sendLeaseMs } from "@/lib/social/sender-lock";
import { sendDuePosts, type SendPostsOptions } from "@/lib/social/send-posts";
import {
  startFakeBluesky,
  startFakeMastodon,
  startFakeWebhook,
  startFakeX,
  type FakeBluesky,
  type FakeMastodon,
  type FakeWebhook,
  type FakeX,
} from "@/tests/fakes";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { fakeChannelEnv } from "../support/channel-env";
import { captureLogger } from "../support/logger";
import { addPosts } from "../support/outbox";

let database: TestDatabase;
let x: FakeX;
let masto: FakeMastodon;
let sky: FakeBluesky;
let hook: FakeWebhook;
let env: Record<string, string>;
/** Bluesky records held before the test: the fake keeps them all. */
let skyBefore = 0;
/** The Bluesky records made during the test. */
const skyPosts = () => sky.postCount() - skyBefore;

beforeAll(async () => {
  database = await createTestDatabase();
  [x, masto, sky, hook] = await Promise.all([
    startFakeX(),
    startFakeMastodon(),
    startFakeBluesky(),
    startFakeWebhook(),
  ]);
  env = fakeChannelEnv({ x, masto, sky, hook });
});
afterAll(async () => {
  await Promise.all([x, masto, sky, hook].map((fake) => fake?.close()));
  await database?.drop();
});
beforeEach(async () => {
  await database.db.milestone.deleteMany();
  x.tweets.length = 0;
  masto.statuses.length = 0;
  hook.deliveries.length = 0;
  skyBefore = sky.postCount();
  for (const fake of [x, masto, sky, hook]) fake.received.length = 0;
});

/** The four channels on the fakes; `extra` is merged into each entry. */
function config(extra: Record<string, unknown> = {}, timezone = "UTC") {
  return configSchema.parse({
    timezone,
    service: { name: "Stashbox", domain: "stashbox.test" },
    channels: [
      {
        key: "x",
        kind: "x",
        baseUrl: x.url,
        apiKeyEnv: "X_KEY",
        apiSecretEnv: "X_SECRET",
        accessTokenEnv: "X_TOKEN",
        accessSecretEnv: "X_TOKEN_SECRET",
        dailyCap: 50,
        ...extra,
      },
      {
        key: "masto",
        kind: "mastodon",
        baseUrl: masto.url,
        tokenEnv: "MASTO_TOKEN",
        dailyCap: 50,
        ...extra,
      },
      {
        key: "sky",
        kind: "bluesky",
        baseUrl: sky.url,
        identifierEnv: "SKY_ID",
        passwordEnv: "SKY_PASSWORD",
        dailyCap: 50,
        ...extra,
      },
      { key: "hook", kind: "webhook", urlEnv: "HOOK_URL", dailyCap: 50, ...extra },
    ],
  });
}

const noon = new Date("2026-01-20T12:00:00.000Z");

function send(options: Partial<SendPostsOptions> & { db?: Database } = {}, cfg = config()) {
  return sendDuePosts(options.db ?? database.db, cfg, {
    now: noon,
    signal: new AbortController().signal,
    env,
    ...options,
  });
}

const post = (id: number) => database.db.post.findUniqueOrThrow({ where: { id } });
const posts = () => database.db.post.findMany({ orderBy: { id: "asc" } });
const channels = ["x", "masto", "sky", "hook"];

describe("auto posts", () => {
  it("are sent once to each network with their text, and recorded", async () => {
    const ids = await addPosts(
      database.db,
      channels.map((channel) => ({ channel, text: `Stashbox passed 1,000 users (${channel})` })),
    );
    expect(await send()).toMatchObject({ sent: 4, failed: 0, reconcile: 0 });
    expect(await send()).toMatchObject({ sent: 0 });

    expect(x.tweets.map((t) => t.text)).toEqual(["Stashbox passed 1,000 users (x)"]);
    expect(masto.statuses.map((s) => s.text)).toEqual(["Stashbox passed 1,000 users (masto)"]);
    expect(skyPosts()).toBe(1);
    expect(sky.records().map((r) => (r.record as { text: string }).text)).toEqual([
      "Stashbox passed 1,000 users (sky)",
    ]);
    expect(hook.deliveries.map((d) => d.body)).toEqual([
      { text: "Stashbox passed 1,000 users (hook)", content: "Stashbox passed 1,000 users (hook)" },
    ]);
    for (const row of await posts()) {
      expect(row).toMatchObject({ status: "sent", attempts: 1, error: null, sentAt: noon });
      expect(row.externalId).toBeTruthy();
    }
    const mastodon = await post(ids[1]!);
    expect(mastodon.externalId).toBe(masto.statuses[0]!.id);
    expect(mastodon.url).toBe(masto.statuses[0]!.url);
  });

  it("carry the post's idempotency key to Mastodon", async () => {
    const [id] = await addPosts(database.db, [{ channel: "masto", text: "Stashbox is #1 on HN" }]);
    await send();
    const { idempotencyKey } = await post(id!);
    expect(idempotencyKey).toMatch(/^liftoff-\d+-masto$/);
    expect(masto.received.map((r) => r.headers["idempotency-key"])).toEqual([idempotencyKey]);
  });

  it("waiting for approval are not sent until a founder approves them", async () => {
    const [id] = await addPosts(database.db, [
      { channel: "masto", text: "Needs a yes", status: "awaiting_approval" },
    ]);
    expect(await send()).toMatchObject({ sent: 0 });
    expect(masto.received).toHaveLength(0);
    await database.db.post.update({ where: { id }, data: { status: "pending" } });
    expect(await send()).toMatchObject({ sent: 1 });
    expect(masto.statuses.map((s) => s.text)).toEqual(["Needs a yes"]);
  });
});

describe("a network's answer", () => {
  const inAMinute = new Date("2026-01-20T12:01:00.000Z");

  it("rate limited (X's x-rate-limit-reset) holds the post and the channel's others until the reset", async () => {
    const ids = await addPosts(database.db, [
      { channel: "x", text: "first" },
      { channel: "x", text: "second" },
    ]);
    x.answerNext(1, { kind: "rate-limit", resetAt: inAMinute });
    expect(await send()).toMatchObject({ "rate-limited": 1, sent: 0 });
    expect(x.received).toHaveLength(1);
    for (const id of ids) {
      expect(await post(id)).toMatchObject({
        status: "pending",
        attempts: 0,
        nextAttemptAt: inAMinute,
      });
    }
    expect(await send({ now: new Date(inAMinute.getTime() - 1) })).toMatchObject({ sent: 0 });
    expect(await send({ now: inAMinute })).toMatchObject({ sent: 2 });
    expect(x.tweets.map((t) => t.text)).toEqual(["first", "second"]);
  });

  it("rate limited (Mastodon's ISO X-RateLimit-Reset) retries at the reset", async () => {
    const resetAt = new Date("2026-01-20T12:04:30.250Z");
    const [id] = await addPosts(database.db, [{ channel: "masto", text: "limited" }]);
    masto.answerNext(1, { kind: "rate-limit", resetAt });
    await send();
    expect(await post(id!)).toMatchObject({ status: "pending", nextAttemptAt: resetAt });
    expect((await post(id!)).error).toMatch(/rate limited/);
    await send({ now: resetAt });
    expect(await post(id!)).toMatchObject({ status: "sent" });
  });

  it("X duplicate content goes to reconcile, and no second tweet is made", async () => {
    const [id] = await addPosts(database.db, [{ channel: "x", text: "Already out there" }]);
    // An earlier send landed but its answer was lost.
    const client = createChannel(config().channels[0]!, env);
    await client.send(
      { id: id!, text: "Already out there", idempotencyKey: "k", createdAt: noon },
      AbortSignal.timeout(5_000),
    );
    expect(await send()).toMatchObject({ reconcile: 1, sent: 0 });
    expect(await post(id!)).toMatchObject({ status: "reconcile" });
    expect((await post(id!)).error).toMatch(/duplicate content/);
    await send({ now: new Date(noon.getTime() + 3_600_000) });
    expect(x.tweets).toHaveLength(1);
    expect(x.received).toHaveLength(2);
  });

  it("transient is retried after a backoff; after the last attempt the post fails", async () => {
    const [id, last] = await addPosts(database.db, [
      { channel: "masto", text: "flaky" },
      { channel: "sky", text: "out of tries" },
    ]);
    await database.db.post.update({ where: { id: last }, data: { attempts: 4 } });
    masto.answerNext(1, { kind: "status", status: 503 });
    sky.answerNext(1, { kind: "status", status: 502 }, "/xrpc/com.atproto.repo.putRecord");
    expect(await send()).toMatchObject({ retry: 1, failed: 1 });
    const retryAt = new Date(noon.getTime() + 30_000);
    expect(await post(id!)).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: retryAt,
    });
    expect(await post(last!)).toMatchObject({ status: "failed", attempts: 5 });
    expect((await post(last!)).error).toMatch(/HTTP 502/);
    await send({ now: retryAt });
    expect(await post(id!)).toMatchObject({ status: "sent", attempts: 2 });
    expect(masto.statuses.map((s) => s.text)).toEqual(["flaky"]);
    expect(skyPosts()).toBe(0);
  });

  it("unreadable after a write goes to reconcile on X, Mastodon and webhooks; Bluesky looks it up", async () => {
    const [xId, mastoId, skyId, hookId, xNext] = await addPosts(database.db, [
      ...channels.map((channel) => ({ channel, text: `Answered in garbage (${channel})` })),
      { channel: "x", text: "Next in line on X" },
    ]);
    x.answerNext(1, { kind: "accept", then: "garbage" });
    masto.answerNext(1, { kind: "accept", then: "cut" });
    sky.answerNext(1, { kind: "accept", then: "cut" }, "/xrpc/com.atproto.repo.putRecord");
    hook.answerNext(1, { kind: "accept", then: "not-http" });
    expect(await send()).toMatchObject({ reconcile: 3, sent: 1, failed: 0, retry: 0 });

    for (const id of [xId!, mastoId!, hookId!]) {
      const row = await post(id);
      expect(row).toMatchObject({ status: "reconcile", attempts: 1, sentAt: null });
      expect(row.error).toMatch(/^channels\.\w+: may or may not have been posted/);
    }
    const [record] = sky.records().slice(skyBefore);
    expect(await post(skyId!)).toMatchObject({
      status: "sent",
      externalId: `at://${sky.did}/app.bsky.feed.post/${record!.rkey}`,
      url: `https://bsky.app/profile/${sky.did}/post/${record!.rkey}`,
      sentAt: noon,
    });
    // The channel's turn ended there: its next post waits, untried, for the next run.
    expect(await post(xNext!)).toMatchObject({ status: "pending", attempts: 0 });
    expect(x.received).toHaveLength(1);
    // Each network holds its post once, and nothing in reconcile is sent again.
    expect(await send({ now: new Date(noon.getTime() + 86_400_000) })).toMatchObject({ sent: 1 });
    expect(x.tweets.map((t) => t.text)).toEqual(["Answered in garbage (x)", "Next in line on X"]);
    expect([masto.postCount(), skyPosts(), hook.postCount()]).toEqual([1, 1, 1]);
  });

  it("permanent fails the post with the network's words, and it is not tried again", async () => {
    const [id] = await addPosts(database.db, [{ channel: "hook", text: "refused" }]);
    hook.answerNext(1, { kind: "status", status: 404 });
    expect(await send()).toMatchObject({ failed: 1 });
    expect(await post(id!)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await post(id!)).error).toMatch(/^channels\.hook: refused: HTTP 404/);
    expect((await post(id!)).error).not.toContain(hook.url);
    await send({ now: new Date(noon.getTime() + 86_400_000) });
    expect(hook.received).toHaveLength(1);
  });
});

describe("the daily cap and quiet hours", () => {
  // New York: 10:00 on 2026-01-20 is 15:00 UTC; the local day ends at 05:00 UTC, the quiet
  // hours (22:00 to 07:00) run from 03:00 to 12:00 UTC.
  const zone = "America/New_York";
  const morning = new Date("2026-01-20T15:00:00.000Z");
  const lateEvening = new Date("2026-01-21T03:30:00.000Z");
  const nextMorning = new Date("2026-01-21T12:00:00.000Z");
  const limited = () => config({ dailyCap: 2, quietHours: ["22:00", "07:00"] }, zone);
  const only = (key: string) => {
    const c = limited();
    return { ...c, channels: c.channels.filter((ch) => ch.key === key) };
  };

  it("in auto mode: two a local day, none in the quiet hours, the rest when allowed", async () => {
    const ids = await addPosts(
      database.db,
      ["one", "two", "three"].map((text) => ({ channel: "masto", text })),
    );
    expect(await send({ now: morning }, only("masto"))).toMatchObject({ sent: 2, deferred: 1 });
    // The local day's cap is spent; the next day starts in the quiet hours, so 07:00 it is.
    expect(await post(ids[2]!)).toMatchObject({ status: "pending", nextAttemptAt: nextMorning });
    const [late] = await addPosts(database.db, [{ channel: "masto", text: "four" }]);
    expect(await send({ now: lateEvening }, only("masto"))).toMatchObject({ sent: 0, deferred: 1 });
    expect(await post(late!)).toMatchObject({ status: "pending", nextAttemptAt: nextMorning });
    expect(await send({ now: nextMorning }, only("masto"))).toMatchObject({ sent: 2 });
    expect(masto.statuses.map((s) => s.text)).toEqual(["one", "two", "three", "four"]);
  });

  it("in dry-run mode: the same turns, logged with their text, and nothing sent", async () => {
    const ids = await addPosts(
      database.db,
      ["one", "two", "three"].map((text) => ({ channel: "sky", text, status: "dry_run" as const })),
    );
    const { log, lines } = captureLogger();
    const dry = { ...env, SKY_PASSWORD: "" };
    expect(await send({ now: morning, env: dry, log }, only("sky"))).toMatchObject({
      dryRun: 2,
      deferred: 1,
      sent: 0,
    });
    const rows = await Promise.all(ids.map(post));
    expect(rows.map((r) => [r.status, r.sentAt])).toEqual([
      ["dry_run", morning],
      ["dry_run", morning],
      ["dry_run", null],
    ]);
    expect(rows[2]!.nextAttemptAt).toEqual(nextMorning);
    expect(lines.filter((l) => l.msg === "dry run: would post").map((l) => l.text)).toEqual([
      "one",
      "two",
    ]);
    expect(JSON.stringify(lines)).not.toContain(sky.password);
    expect(await send({ now: lateEvening, env: dry }, only("sky"))).toMatchObject({ dryRun: 0 });
    expect(await send({ now: nextMorning, env: dry }, only("sky"))).toMatchObject({ dryRun: 1 });
    expect(await post(ids[2]!)).toMatchObject({ status: "dry_run", sentAt: nextMorning });
    expect(sky.received).toHaveLength(0);
  });
});

describe("posts a sender left sending", () => {
  const threeMinutesAgo = new Date(noon.getTime() - 3 * 60_000);

  async function leftSending(at: Date) {
    const ids = await addPosts(
      database.db,
      channels.map((channel) => ({ channel, text: `half-sent on ${channel}` })),
    );
    await database.db.post.updateMany({
      where: { id: { in: ids } },
      data: { status: "sending", attempts: 1, updatedAt: at },
    });
    return ids;
  }

  it("go back to pending on Mastodon and Bluesky, and to reconcile on X and webhooks", async () => {
    const [xId, mastoId, skyId, hookId] = await leftSending(threeMinutesAgo);
    // The Mastodon send had landed before the sender died: the resend must not post it again.
    const { idempotencyKey } = await post(mastoId!);
    await createChannel(config().channels[1]!, env).send(
      { id: mastoId!, text: "half-sent on masto", idempotencyKey, createdAt: noon },
      AbortSignal.timeout(5_000),
    );
    expect(await recoverStaleSends(database.db, config().channels, noon)).toEqual({
      requeued: 2,
      reconcile: 2,
    });
    expect(await post(mastoId!)).toMatchObject({ status: "pending", nextAttemptAt: noon });
    expect(await post(skyId!)).toMatchObject({ status: "pending" });
    for (const id of [xId!, hookId!]) {
      const row = await post(id);
      expect(row.status).toBe("reconcile");
      expect(row.error).toMatch(/may or may not have been posted/);
    }
    expect(await send()).toMatchObject({ sent: 2 });
    expect(masto.statuses.map((s) => s.text)).toEqual(["half-sent on masto"]);
    expect(skyPosts()).toBe(1);
    expect(x.received).toHaveLength(0);
    expect(hook.received).toHaveLength(0);
  });

  it("are left alone while a live sender may still be sending them, until the lease ends", async () => {
    const fresh = await leftSending(noon);
    const stale = await leftSending(new Date(noon.getTime() - sendLeaseMs));
    let recovered: unknown;
    // Another sender is alive (it holds the live-sender lock) while this one recovers.
    await asLiveSender(database.db, 10_000, async () => {
      recovered = await recoverStaleSends(database.db, config().channels, noon);
    });
    expect(recovered).toEqual({ requeued: 2, reconcile: 2 });
    for (const id of fresh) expect((await post(id)).status).toBe("sending");
    for (const id of stale) expect((await post(id)).status).not.toBe("sending");
    // Once no sender is alive, a post still sending was left by a dead one, whatever its age.
    expect(await recoverStaleSends(database.db, config().channels, noon)).toEqual({
      requeued: 2,
      reconcile: 2,
    });
  });
});

describe("two senders at once", () => {
  it("never send a post twice", { timeout: 60_000 }, async () => {
    const texts = channels.flatMap((channel) =>
      Array.from({ length: 12 }, (_, i) => ({ channel, text: `${channel} milestone ${i + 1}` })),
    );
    await addPosts(database.db, texts);
    for (const fake of [x, masto, sky, hook]) fake.delayAnswers(() => Math.random() * 20);
    const second = createDatabase(database.url, { max: 6 });
    try {
      const results = await Promise.all([send(), send({ db: second })]);
      expect(results[0].sent + results[1].sent).toBe(texts.length);
    } finally {
      for (const fake of [x, masto, sky, hook]) fake.delayAnswers(() => 0);
      await second.$disconnect();
    }
    expect((await posts()).every((p) => p.status === "sent" && p.attempts === 1)).toBe(true);
    const putRecords = sky.received.filter((r) => r.path.endsWith("putRecord"));
    expect(x.received).toHaveLength(12);
    expect(masto.received).toHaveLength(12);
    expect(putRecords).toHaveLength(12);
    expect(hook.received).toHaveLength(12);
    expect(new Set(x.tweets.map((t) => t.text)).size).toBe(12);
    expect(new Set(hook.deliveries.map((d) => d.idempotencyKey)).size).toBe(12);
  });
});
