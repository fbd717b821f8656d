// Founders' decisions on milestone posts against a real PostgreSQL: approve (with an edited text
// checked against its channel's limit), cancel, retry and reconcile; a decision on a post in
// another state is a 409 naming that state and changes nothing; two founders approving at once
// apply it once; and the Milestones page's read of it all.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { decideOnPost } from "@/lib/milestones/manage/post-actions";
import { PostStateError } from "@/lib/milestones/manage/post-state-error";
import type { PostStatus } from "@/lib/milestones/queries/milestones-page-types";
import { readMilestonesPage } from "@/lib/milestones/queries/read-milestones-page";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
const config = parseConfig(
  `service: { name: Stashbox, domain: stashbox.test }
channels:
  - { kind: x, key: launch-x, mode: approve, apiKeyEnv: X_KEY, apiSecretEnv: X_SECRET, accessTokenEnv: X_TOKEN, accessSecretEnv: X_TOKEN_SECRET }
  - { kind: mastodon, key: toot, baseUrl: "http://127.0.0.1:1", tokenEnv: TOOT_TOKEN, maxChars: 60 }
`,
  "t.yaml",
);
const env = { X_KEY: "k", X_SECRET: "s", X_TOKEN: "t", X_TOKEN_SECRET: "ts" };
const founder = { id: "founder-1", email: "ada@stashbox.test" };
const metAt = new Date("2026-11-02T10:00:00Z");
const earlier = new Date("2026-11-01T00:00:00Z");
let milestoneId: number;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

beforeEach(async () => {
  await database.db.milestone.deleteMany();
  const milestone = await database.db.milestone.create({
    data: {
      key: "metric:users:1000000",
      rule: "metric",
      metAt,
      value: 1_000_000,
      details: { label: "1,000,000 users", metricName: "Users" },
    },
  });
  milestoneId = milestone.id;
});

/** A post of the milestone on `channel` in `status`, due long ago. */
async function post(
  status: PostStatus,
  channel = "launch-x",
  text = "1,000,000 users on Stashbox",
) {
  const row = await database.db.post.create({
    data: {
      milestoneId,
      channel,
      status,
      text,
      idempotencyKey: `liftoff-${milestoneId}-${channel}`,
      nextAttemptAt: earlier,
      attempts: status === "failed" ? 3 : 0,
      error: status === "failed" ? "X answered 503" : null,
    },
  });
  return row.id;
}

const decide = (name: Parameters<typeof decideOnPost>[3], id: number | null, body: unknown = {}) =>
  decideOnPost(database.db, founder, config, name, id, body);
const stored = (id: number) => database.db.post.findUniqueOrThrow({ where: { id } });

/** The error `promise` rejects with, or a failure when it resolves. */
async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("accepted");
}

describe("approving a post", () => {
  it("queues it now, with the edited text when one is given", async () => {
    const id = await post("awaiting_approval");
    const before = Date.now();
    const answer = await decide("approve", id, { text: "  One million people use Stashbox!  " });
    expect(answer).toEqual({
      id,
      status: "pending",
      text: "One million people use Stashbox!",
      url: null,
    });
    const row = await stored(id);
    expect(row.status).toBe("pending");
    expect(row.text).toBe("One million people use Stashbox!");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 5);

    const untouched = await post("awaiting_approval", "toot", "Recorded text");
    await decide("approve", untouched);
    expect((await stored(untouched)).text).toBe("Recorded text");
  });

  it("refuses an edited text too long for its channel with a 422 naming the limit", async () => {
    const id = await post("awaiting_approval", "toot");
    const error = await refusal(decide("approve", id, { text: "a".repeat(61) }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      'text: too long for mastodon channel "toot": 61 characters, at most 60',
    );
    // X weighs each emoji as two: 141 of them are 282 of its 280.
    const x = await post("awaiting_approval", "launch-x");
    expect((await refusal(decide("approve", x, { text: "🚀".repeat(141) }))).message).toBe(
      'text: too long for x channel "launch-x": 282 weighted characters, at most 280',
    );
    expect((await stored(id)).status).toBe("awaiting_approval");
    expect((await stored(x)).text).toBe("1,000,000 users on Stashbox");
  });

  it("refuses unknown fields and empty texts, naming them", async () => {
    const id = await post("awaiting_approval");
    expect((await refusal(decide("approve", id, { text: "  " }))).message).toBe(
      'text: expected a text, found ""',
    );
    expect((await refusal(decide("cancel", id, { now: true }))).message).toContain(
      "no unknown keys (remove now)",
    );
    expect((await refusal(decide("reconcile", id, { outcome: "maybe" }))).message).toMatch(
      /^outcome: /,
    );
    expect((await stored(id)).status).toBe("awaiting_approval");
  });

  it("applies once when two founders approve at the same moment", async () => {
    // Four posts, each approved by two founders at once, every approval on its own connection.
    await database.db.post.deleteMany();
    const ids = await Promise.all(
      ["a", "b", "c", "d"].map((channel) => post("awaiting_approval", channel)),
    );
    const rounds = await Promise.all(
      ids.map((id) =>
        Promise.allSettled([
          decideOnPost(database.db, founder, { channels: [] }, "approve", id, {}),
          decideOnPost(database.db, founder, { channels: [] }, "approve", id, {}),
        ]),
      ),
    );
    for (const results of rounds) {
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected")!;
      expect(refused.reason).toBeInstanceOf(PostStateError);
      expect((refused.reason as PostStateError).status).toBe(409);
      expect((refused.reason as Error).message).toMatch(/^Post \d+ is queued: /);
    }
    // The audit trail records the approval that applied, once per post.
    const audited = await database.db.auditEntry.groupBy({
      by: ["subjectId"],
      where: { action: "post.approved", subjectId: { in: ids.map(String) } },
      _count: true,
    });
    expect(audited.map((row) => row._count).sort()).toEqual([1, 1, 1, 1]);
  });

  it("stores the edited text of the approval that applied, not the other's", async () => {
    const id = await post("awaiting_approval");
    const results = await Promise.allSettled([
      decide("approve", id, { text: "First founder's words" }),
      decide("approve", id, { text: "Second founder's words" }),
    ]);
    const applied = results.filter((r) => r.status === "fulfilled");
    expect(applied).toHaveLength(1);
    expect((await stored(id)).text).toBe(applied[0]!.value.text);
  });
});

describe("a decision on a post in another state", () => {
  it("is a 409 naming the post's state, and changes nothing", async () => {
    const sent = await post("sent");
    const error = await refusal(decide("approve", sent));
    expect(error).toBeInstanceOf(PostStateError);
    expect(error.message).toBe(
      `Post ${sent} is sent: only a post that is awaiting approval can be approved. Nothing was changed.`,
    );
    expect((await refusal(decide("cancel", sent))).message).toBe(
      `Post ${sent} is sent: only a post that is awaiting approval, queued, failed or waiting to be reconciled can be cancelled. Nothing was changed.`,
    );
    const sending = await post("sending", "toot");
    expect((await refusal(decide("retry", sending))).message).toMatch(/^Post \d+ is being sent: /);
    expect(
      (await refusal(decide("reconcile", sending, { outcome: "not-posted" }))).message,
    ).toMatch(
      /^Post \d+ is being sent: only a post that is waiting to be reconciled can be reconciled/,
    );
    expect((await stored(sent)).status).toBe("sent");
    expect((await stored(sending)).status).toBe("sending");
  });

  it("is a 404 for a post that does not exist", async () => {
    expect(await refusal(decide("cancel", 999_999))).toBeInstanceOf(NotFoundError);
    expect(await refusal(decide("approve", null, { text: "x" }))).toBeInstanceOf(NotFoundError);
  });
});

describe("cancelling, retrying and reconciling", () => {
  it("cancels a post that is waiting, queued, failed or to reconcile", async () => {
    for (const status of ["awaiting_approval", "pending", "failed", "reconcile"] as const) {
      await database.db.post.deleteMany();
      const id = await post(status);
      expect((await decide("cancel", id)).status).toBe("cancelled");
      expect((await stored(id)).status).toBe("cancelled");
    }
  });

  it("queues a failed post again, keeping its attempts and last error", async () => {
    const id = await post("failed");
    expect((await decide("retry", id)).status).toBe("pending");
    const row = await stored(id);
    expect(row).toMatchObject({ status: "pending", attempts: 3, error: "X answered 503" });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(earlier.getTime());
  });

  it("will not retry a text its channel refuses", async () => {
    const id = await post("failed", "toot", "b".repeat(70));
    expect((await refusal(decide("retry", id))).message).toBe(
      'text: too long for mastodon channel "toot": 70 characters, at most 60',
    );
    expect((await stored(id)).status).toBe("failed");
  });

  it("records a post found on the network as sent, and queues one that is not there", async () => {
    const found = await post("reconcile");
    const url = "https://x.com/stashbox/status/1866";
    expect(
      await decide("reconcile", found, { outcome: "posted", url, externalId: "1866" }),
    ).toEqual({
      id: found,
      status: "sent",
      text: "1,000,000 users on Stashbox",
      url,
    });
    const row = await stored(found);
    expect(row).toMatchObject({ status: "sent", url, externalId: "1866" });
    expect(row.sentAt).not.toBeNull();
    // Sent is final: it is never queued again.
    expect(await refusal(decide("reconcile", found, { outcome: "not-posted" }))).toBeInstanceOf(
      PostStateError,
    );

    const missing = await post("reconcile", "toot");
    expect((await decide("reconcile", missing, { outcome: "not-posted" })).status).toBe("pending");
    expect((await stored(missing)).nextAttemptAt.getTime()).toBeGreaterThan(earlier.getTime());
    expect(
      (await refusal(decide("reconcile", missing, { outcome: "posted", url: "ftp://x" }))).message,
    ).toBe('url: expected an http:// or https:// URL, found "ftp://x"');
  });
});

describe("the Milestones page's read", () => {
  it("lists milestones newest first with their posts, the decisions waiting and the counts", async () => {
    const older = await database.db.milestone.create({
      data: {
        key: "rank:top:150",
        rule: "rank",
        metAt: earlier,
        value: 141,
        details: { label: "top 150" },
      },
    });
    const waiting = await post("awaiting_approval");
    const unsure = await post("reconcile", "toot");
    await database.db.post.create({
      data: {
        milestoneId: older.id,
        channel: "toot",
        status: "sent",
        text: "Top 150",
        idempotencyKey: `liftoff-${older.id}-toot`,
        url: "https://mastodon.example/@stashbox/1",
        sentAt: earlier,
      },
    });
    const page = await readMilestonesPage(database.db, config, env, metAt);

    expect(page.milestones.map((m) => [m.label, m.value, m.metAt])).toEqual([
      ["1,000,000 users", 1_000_000, metAt.toISOString()],
      ["top 150", 141, earlier.toISOString()],
    ]);
    expect(page.milestones[0]!.details).toEqual({ label: "1,000,000 users", metricName: "Users" });
    expect(page.milestones[0]!.posts.map((p) => [p.channel, p.channelKind, p.status])).toEqual([
      ["launch-x", "x", "awaiting_approval"],
      ["toot", "mastodon", "reconcile"],
    ]);
    expect(page.milestones[1]!.posts[0]).toMatchObject({
      status: "sent",
      url: "https://mastodon.example/@stashbox/1",
      sentAt: earlier.toISOString(),
    });
    expect(page.approvals.map((p) => [p.id, p.milestone.label])).toEqual([
      [waiting, "1,000,000 users"],
    ]);
    expect(page.reconcile.map((p) => p.id)).toEqual([unsure]);
    expect(page.counts).toMatchObject({ awaiting_approval: 1, reconcile: 1, sent: 1, pending: 0 });
    // The channels' modes: X has its credentials and asks for approval; Mastodon has none.
    expect(page.channels.map((c) => [c.key, c.mode, c.settings.templates])).toEqual([
      ["launch-x", "approve", {}],
      ["toot", "dry-run", {}],
    ]);
  });
});
