// Each channel client against its fake network, over real HTTP: what is sent (shape, auth,
// idempotency), and how every kind of answer becomes a SentPost or a ChannelError.
import { describe, expect, it } from "vitest";
import { postRkey } from "@/lib/social/bluesky-rkey";
import type { SocialChannel } from "@/lib/social/channel-types";
import { channelHasCredentials, createChannel } from "@/lib/social/create-channel";
import { startFakeBluesky, startFakeMastodon, startFakeWebhook, startFakeX } from "@/tests/fakes";
import {
  channelConfig,
  closeFakesAfterEach,
  failure,
  post,
  send,
} from "@/tests/support/channel-tests";
import { freePort } from "@/tests/support/free-port";
import { hmacSha1Signature, signatureBaseString } from "@/tests/fakes/oauth1-signature";

const started = closeFakesAfterEach();

/** Sends post 1 twice, as a retry after a lost answer would, then post 2. */
async function sendRetriedThenNext(channel: SocialChannel): Promise<void> {
  const first = await send(channel, post(1));
  const retried = await send(channel, post(1));
  expect(retried).toEqual(first);
  await send(channel, post(2));
}

/** A reset time on a whole second, as the epoch-seconds headers carry it. */
const inAMinute = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);

describe("X", () => {
  const env = (fake: Awaited<ReturnType<typeof startFakeX>>, apiSecret?: string) => ({
    X_KEY: fake.credentials.consumerKey,
    X_SECRET: apiSecret ?? fake.credentials.consumerSecret,
    X_TOKEN: fake.credentials.token,
    X_TOKEN_SECRET: fake.credentials.tokenSecret,
  });
  const config = (baseUrl: string) =>
    channelConfig({
      key: "launch-x",
      kind: "x",
      baseUrl,
      apiKeyEnv: "X_KEY",
      apiSecretEnv: "X_SECRET",
      accessTokenEnv: "X_TOKEN",
      accessSecretEnv: "X_TOKEN_SECRET",
    });

  it("posts the text to /2/tweets, signed with OAuth 1.0a, and links the tweet", async () => {
    const fake = await started(startFakeX());
    const channel = createChannel(config(fake.url), env(fake));
    const sent = await send(channel, post(1));

    expect(fake.tweets).toEqual([{ id: sent.externalId, text: post(1).text }]);
    expect(sent.url).toBe(`https://x.com/i/web/status/${sent.externalId}`);
    const [request] = fake.received;
    expect(request).toMatchObject({
      method: "POST",
      path: "/2/tweets",
      json: { text: post(1).text },
    });
    expect(request!.headers["content-type"]).toMatch(/^application\/json\b/);
    expect(request!.headers.authorization).toMatch(/^OAuth /);
    expect(request!.headers.authorization).toContain('oauth_consumer_key="fake-x-api-key"');
    expect(request!.headers.authorization).toContain('oauth_signature_method="HMAC-SHA1"');
  });

  it("is refused by the fake when signed with a wrong secret, and says so without the secret", async () => {
    const fake = await started(startFakeX());
    const channel = createChannel(config(fake.url), env(fake, "not-the-api-secret"));
    const error = await failure(send(channel, post(1)), "permanent");

    expect(error.message).toContain("channels.launch-x");
    expect(error.message).toContain("HTTP 401");
    expect(error.message).toContain("signature does not match");
    expect(error.message).not.toContain("not-the-api-secret");
    expect(fake.tweets).toEqual([]);
  });

  it("reports a text X already holds as a duplicate and posts nothing more", async () => {
    const fake = await started(startFakeX());
    const channel = createChannel(config(fake.url), env(fake));
    await send(channel, post(1));
    const error = await failure(send(channel, { ...post(2), text: post(1).text }), "duplicate");

    expect(error.message).toContain("duplicate content");
    expect(fake.postCount()).toBe(1);
  });

  it("reads a 429's x-rate-limit-reset as the time to retry", async () => {
    const fake = await started(startFakeX());
    const resetAt = inAMinute();
    fake.answerNext(1, { kind: "rate-limit", resetAt });
    const error = await failure(
      send(createChannel(config(fake.url), env(fake)), post(1)),
      "rate-limited",
    );
    expect(error.retryAt).toEqual(resetAt);
  });

  it("waits for the 24-hour window when that is the one exhausted", async () => {
    const fake = await started(startFakeX());
    const window15m = inAMinute();
    const window24h = new Date(window15m.getTime() + 6 * 3_600_000);
    const epoch = (at: Date) => String(at.getTime() / 1000);
    fake.answerNext(1, {
      kind: "raw",
      answer: {
        status: 429,
        headers: {
          "x-rate-limit-remaining": "42",
          "x-rate-limit-reset": epoch(window15m),
          "x-user-limit-24hour-remaining": "0",
          "x-user-limit-24hour-reset": epoch(window24h),
        },
        body: { title: "Too Many Requests", detail: "Too Many Requests", status: 429 },
      },
    });
    const error = await failure(
      send(createChannel(config(fake.url), env(fake)), post(1)),
      "rate-limited",
    );
    expect(error.retryAt).toEqual(window24h);
  });

  it("treats a 500 as transient and a success of another shape as unconfirmed", async () => {
    const fake = await started(startFakeX());
    const channel = createChannel(config(fake.url), env(fake));
    fake.answerNext(1, { kind: "status", status: 500 });
    await failure(send(channel, post(1)), "transient");
    fake.answerNext(1, { kind: "raw", answer: { status: 201, body: { data: { text: "no id" } } } });
    const error = await failure(send(channel, post(2)), "unconfirmed");
    expect(error.message).toContain("answer.data.id");
    expect(error.message).toContain("may or may not have been posted");
  });

  it("gives up on a server that does not answer when the signal fires", async () => {
    const fake = await started(startFakeX());
    fake.answerNext(1, { kind: "hang" });
    const started_ = Date.now();
    const error = await failure(
      send(createChannel(config(fake.url), env(fake)), post(1), 300),
      "transient",
    );
    expect(error.message).toContain("timed out");
    expect(Date.now() - started_).toBeLessThan(3_000);
    expect(fake.received).toHaveLength(1);
  });

  it("verifies signatures with the RFC 5849 algorithm (X's published example)", () => {
    // developer.x.com "Creating a signature": the same request and keys give this signature.
    const url = new URL("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
    const base = signatureBaseString("post", url, [
      ...url.searchParams,
      ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"],
      ["oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"],
      ["oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"],
      ["oauth_signature_method", "HMAC-SHA1"],
      ["oauth_timestamp", "1318622958"],
      ["oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"],
      ["oauth_version", "1.0"],
    ]);
    const signature = hmacSha1Signature(
      base,
      "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
      "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    );
    expect(signature).toBe("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  });
});

describe("Mastodon", () => {
  const config = (baseUrl: string) =>
    channelConfig({
      key: "launch-mastodon",
      kind: "mastodon",
      baseUrl,
      tokenEnv: "MASTODON_TOKEN",
    });
  const channelFor = (fake: { url: string; token: string }, token = fake.token) =>
    createChannel(config(fake.url), { MASTODON_TOKEN: token });

  it("posts the status with the bearer token and the post's Idempotency-Key", async () => {
    const fake = await started(startFakeMastodon());
    const sent = await send(channelFor(fake), post(1));

    const [request] = fake.received;
    expect(request).toMatchObject({
      method: "POST",
      path: "/api/v1/statuses",
      json: { status: post(1).text },
    });
    expect(request!.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(request!.headers["idempotency-key"]).toBe("liftoff-post-1");
    expect(sent).toEqual({ externalId: fake.statuses[0]!.id, url: fake.statuses[0]!.url });
  });

  it("runs on a port given in advance, as a test that starts the sender first needs", async () => {
    const port = await freePort();
    const fake = await started(startFakeMastodon({ port }));
    expect(fake.url).toBe(`http://127.0.0.1:${port}`);
    await send(channelFor(fake), post(1));
    expect(fake.postCount()).toBe(1);
  });

  it("makes one status when the same post is sent twice", async () => {
    const fake = await started(startFakeMastodon());
    await sendRetriedThenNext(channelFor(fake));
    expect(fake.received).toHaveLength(3);
    expect(fake.statuses.map((s) => s.idempotencyKey)).toEqual([
      "liftoff-post-1",
      "liftoff-post-2",
    ]);
  });

  it("treats a rejected token as permanent", async () => {
    const fake = await started(startFakeMastodon());
    const error = await failure(send(channelFor(fake, "wrong-token"), post(1)), "permanent");
    expect(error.message).toMatch(/channels\.launch-mastodon: .*HTTP 401/);
    expect(error.message).not.toContain("wrong-token");
    expect(fake.postCount()).toBe(0);
  });

  it("reads a 429's ISO X-RateLimit-Reset as the time to retry", async () => {
    const fake = await started(startFakeMastodon());
    const resetAt = new Date(Date.now() + 300_000);
    fake.answerNext(1, { kind: "rate-limit", resetAt });
    const error = await failure(send(channelFor(fake), post(1)), "rate-limited");
    expect(error.retryAt).toEqual(resetAt);
  });

  it("treats a 500 as transient and a status of the wrong shape as unconfirmed", async () => {
    const fake = await started(startFakeMastodon());
    fake.answerNext(1, { kind: "status", status: 500 });
    await failure(send(channelFor(fake), post(1)), "transient");
    fake.answerNext(1, { kind: "raw", answer: { status: 200, body: { id: 17, url: null } } });
    const error = await failure(send(channelFor(fake), post(1)), "unconfirmed");
    expect(error.message).toContain("answer.id: expected a string");
  });

  it("gives up on a server that does not answer when the signal fires", async () => {
    const fake = await started(startFakeMastodon());
    fake.answerNext(1, { kind: "hang" });
    const error = await failure(send(channelFor(fake), post(1), 300), "transient");
    expect(error.message).toContain("timed out");
  });
});

describe("Bluesky", () => {
  const config = (baseUrl: string) =>
    channelConfig({
      key: "launch-bluesky",
      kind: "bluesky",
      baseUrl,
      identifierEnv: "BSKY_ID",
      passwordEnv: "BSKY_PASSWORD",
    });
  const channelFor = (
    fake: { url: string; identifier: string; password: string },
    password?: string,
  ) =>
    createChannel(config(fake.url), {
      BSKY_ID: fake.identifier,
      BSKY_PASSWORD: password ?? fake.password,
    });
  const putRecord = "/xrpc/com.atproto.repo.putRecord";

  it("signs in, then puts the post under its own record key with link facets", async () => {
    const fake = await started(startFakeBluesky());
    const text = "🚀 Stashbox passed 1,000,000 users: https://stashbox.example/blog/million";
    const p = { ...post(7), text };
    const sent = await send(channelFor(fake), p);

    const [login, put] = fake.received;
    expect(login).toMatchObject({
      path: "/xrpc/com.atproto.server.createSession",
      json: { identifier: fake.identifier, password: fake.password },
    });
    expect(put!.path).toBe(putRecord);
    expect(put!.headers.authorization).toMatch(/^Bearer .+/);
    const rkey = postRkey(p);
    const byteStart = Buffer.byteLength("🚀 Stashbox passed 1,000,000 users: ");
    expect(put!.json).toEqual({
      repo: fake.did,
      collection: "app.bsky.feed.post",
      rkey,
      record: {
        $type: "app.bsky.feed.post",
        text,
        createdAt: "2025-03-04T05:06:07.089Z",
        facets: [
          {
            index: { byteStart, byteEnd: Buffer.byteLength(text) },
            features: [
              {
                $type: "app.bsky.richtext.facet#link",
                uri: "https://stashbox.example/blog/million",
              },
            ],
          },
        ],
      },
    });
    expect(sent).toEqual({
      externalId: `at://${fake.did}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/${fake.did}/post/${rkey}`,
    });
  });

  it("keeps one record when the same post is sent twice", async () => {
    const fake = await started(startFakeBluesky());
    await sendRetriedThenNext(channelFor(fake));
    expect(fake.received.filter((r) => r.path === putRecord)).toHaveLength(3);
    expect(fake.records().map((r) => r.rkey)).toEqual([postRkey(post(1)), postRkey(post(2))]);
  });

  it("treats a wrong password as permanent", async () => {
    const fake = await started(startFakeBluesky());
    const error = await failure(send(channelFor(fake, "wrong-password"), post(1)), "permanent");
    expect(error.message).toMatch(/channels\.launch-bluesky: .*HTTP 401/);
    expect(error.message).not.toContain("wrong-password");
    expect(fake.received.filter((r) => r.path === putRecord)).toHaveLength(0);
  });

  it("reads a 429's ratelimit-reset as the time to retry", async () => {
    const fake = await started(startFakeBluesky());
    const resetAt = inAMinute();
    fake.answerNext(1, { kind: "rate-limit", resetAt }, putRecord);
    const error = await failure(send(channelFor(fake), post(1)), "rate-limited");
    expect(error.retryAt).toEqual(resetAt);
    expect(fake.postCount()).toBe(0);
  });

  it("treats a 500 as transient", async () => {
    const fake = await started(startFakeBluesky());
    fake.answerNext(1, { kind: "status", status: 500 }, putRecord);
    await failure(send(channelFor(fake), post(1)), "transient");
  });

  it("gives up on a server that does not answer when the signal fires", async () => {
    const fake = await started(startFakeBluesky());
    fake.answerNext(1, { kind: "hang" }, putRecord);
    const error = await failure(send(channelFor(fake), post(1), 500), "transient");
    expect(error.message).toContain("timed out");
    expect(fake.received.map((r) => r.path)).toContain(putRecord);
  });
});

describe("webhook", () => {
  const config = channelConfig({ key: "launch-slack", kind: "webhook", urlEnv: "HOOK_URL" });
  const channelFor = (fake: { url: string }) => createChannel(config, { HOOK_URL: fake.url });

  it("posts {text, content} with the idempotency key", async () => {
    const fake = await started(startFakeWebhook());
    const sent = await send(channelFor(fake), post(1));

    expect(fake.deliveries).toEqual([
      {
        body: { text: post(1).text, content: post(1).text },
        idempotencyKey: "liftoff-post-1",
      },
    ]);
    expect(sent).toEqual({ externalId: "liftoff-post-1", url: null });
  });

  it("turns 429, 500, 401 and silence into ChannelErrors that never show the URL", async () => {
    const fake = await started(startFakeWebhook());
    const channel = channelFor(fake);
    fake.answerNext(1, { kind: "rate-limit", resetAt: new Date(Date.now() + 30_000) });
    const limited = await failure(send(channel, post(1)), "rate-limited");
    expect(limited.retryAt!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(limited.retryAt!.getTime()).toBeLessThan(Date.now() + 35_000);
    fake.answerNext(1, { kind: "status", status: 500 });
    const server = await failure(send(channel, post(1)), "transient");
    fake.answerNext(1, { kind: "status", status: 401 });
    const refused = await failure(send(channel, post(1)), "permanent");
    fake.answerNext(1, { kind: "hang" });
    const silent = await failure(send(channel, post(1), 300), "transient");

    for (const error of [limited, server, refused, silent]) {
      expect(error.message).toContain("channels.launch-slack");
      expect(error.message).not.toContain(fake.url);
    }
    expect(fake.postCount()).toBe(0);
  });
});

describe("every channel", () => {
  it("treats a network that refuses the connection as transient, naming only the error code", async () => {
    const [x, mastodon, bluesky, webhook] = await Promise.all([
      startFakeX(),
      startFakeMastodon(),
      startFakeBluesky(),
      startFakeWebhook(),
    ]);
    const channels = [
      createChannel(
        channelConfig({
          key: "x",
          kind: "x",
          baseUrl: x.url,
          apiKeyEnv: "A",
          apiSecretEnv: "A",
          accessTokenEnv: "A",
          accessSecretEnv: "A",
        }),
        { A: "secret-value" },
      ),
      createChannel(
        channelConfig({ key: "m", kind: "mastodon", baseUrl: mastodon.url, tokenEnv: "A" }),
        {
          A: "secret-value",
        },
      ),
      createChannel(
        channelConfig({
          key: "b",
          kind: "bluesky",
          baseUrl: bluesky.url,
          identifierEnv: "A",
          passwordEnv: "A",
        }),
        { A: "secret-value" },
      ),
      createChannel(channelConfig({ key: "w", kind: "webhook", urlEnv: "A" }), { A: webhook.url }),
    ];
    await Promise.all([x, mastodon, bluesky, webhook].map((fake) => fake.close()));

    for (const channel of channels) {
      const error = await failure(send(channel, post(1)), "transient");
      expect(error.message).toContain(`channels.${channel.key}`);
      expect(error.message).toContain("ECONNREFUSED");
      expect(error.message).not.toContain("127.0.0.1");
    }
  });
});

describe("credentials", () => {
  const x = channelConfig({
    key: "launch-x",
    kind: "x",
    apiKeyEnv: "A",
    apiSecretEnv: "B",
    accessTokenEnv: "C",
    accessSecretEnv: "D",
  });

  it("are present only when every variable the channel names is set and not empty", () => {
    expect(channelHasCredentials(x, { A: "1", B: "2", C: "3", D: "4" })).toBe(true);
    expect(channelHasCredentials(x, { A: "1", B: "2", C: "3" })).toBe(false);
    expect(channelHasCredentials(x, { A: "1", B: "2", C: "3", D: "" })).toBe(false);
  });

  it("missing make createChannel name the variable", () => {
    expect(() => createChannel(x, { A: "1", B: "2", C: "3" })).toThrow(/\bD\b/);
  });
});
