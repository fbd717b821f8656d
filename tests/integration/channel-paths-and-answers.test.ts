// Each channel against its fake network served under a base path, as behind a proxy, and after
// a write the network accepted but answered in a way nobody can read (garbage, a cut connection,
// bytes that are not HTTP): the post is unconfirmed (reconcile), never failed; on Bluesky the
// record is looked up by its key instead.
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { ConfigError } from "@/lib/errors";
import { postRkey } from "@/lib/social/bluesky-rkey";
import { createChannel } from "@/lib/social/create-channel";
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
import type { Unreadable } from "@/tests/fakes/fake-server";
import { fakeChannelEnv } from "@/tests/support/channel-env";
import {
  channelConfig,
  closeFakesAfterEach,
  failure,
  post,
  send,
} from "@/tests/support/channel-tests";

const started = closeFakesAfterEach();

/** The four fakes, each under `/social/<network>` unless told otherwise, and a channel on each. */
async function onFakes(paths: { x?: string; sky?: string; hook?: string } = {}) {
  const x: FakeX = await started(startFakeX({ basePath: paths.x }));
  const masto: FakeMastodon = await started(startFakeMastodon());
  const sky: FakeBluesky = await started(startFakeBluesky({ basePath: paths.sky }));
  const hook: FakeWebhook = await started(startFakeWebhook({ basePath: paths.hook }));
  const env = fakeChannelEnv({ x, masto, sky, hook });
  const channel = (entry: Record<string, unknown>) => createChannel(channelConfig(entry), env);
  const channels = {
    x: channel({
      key: "x",
      kind: "x",
      baseUrl: x.url,
      apiKeyEnv: "X_KEY",
      apiSecretEnv: "X_SECRET",
      accessTokenEnv: "X_TOKEN",
      accessSecretEnv: "X_TOKEN_SECRET",
    }),
    masto: channel({ key: "masto", kind: "mastodon", baseUrl: masto.url, tokenEnv: "MASTO_TOKEN" }),
    sky: channel({
      key: "sky",
      kind: "bluesky",
      baseUrl: sky.url,
      identifierEnv: "SKY_ID",
      passwordEnv: "SKY_PASSWORD",
    }),
    hook: channel({ key: "hook", kind: "webhook", urlEnv: "HOOK_URL" }),
  };
  return { x, masto, sky, hook, channels };
}

const putRecord = "/xrpc/com.atproto.repo.putRecord";
const getRecord = "/xrpc/com.atproto.repo.getRecord";

function problems(yaml: string): string {
  try {
    parseConfig(`service: { name: Stashbox, domain: stashbox.test }\n${yaml}`, "liftoff.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("a base URL with a path", () => {
  it("is kept by X, Bluesky and the webhook, and X sends JSON", async () => {
    const { x, sky, hook, channels } = await onFakes({
      x: "/social/x",
      sky: "/proxy/social/bluesky",
      hook: "/social/hooks",
    });
    const sent = await Promise.all([
      send(channels.x, post(1)),
      send(channels.sky, post(2)),
      send(channels.hook, post(3)),
    ]);

    expect(x.received.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /social/x/2/tweets"]);
    expect(x.received[0]!.headers["content-type"]).toMatch(/^application\/json\b/);
    expect(x.received[0]!.json).toEqual({ text: post(1).text });
    expect(x.tweets).toEqual([{ id: sent[0].externalId, text: post(1).text }]);

    expect(sky.received.map((r) => r.path)).toEqual([
      "/proxy/social/bluesky/xrpc/com.atproto.server.createSession",
      `/proxy/social/bluesky${putRecord}`,
    ]);
    expect(sky.records().map((r) => r.rkey)).toEqual([postRkey(post(2))]);

    expect(hook.received.map((r) => r.path)).toEqual(["/social/hooks/hooks/liftoff"]);
    expect(hook.postCount()).toBe(1);
  });

  it("may end with a slash", async () => {
    const x = await started(startFakeX({ basePath: "/social/x" }));
    const channel = createChannel(
      channelConfig({
        key: "x",
        kind: "x",
        baseUrl: `${x.url}/`,
        apiKeyEnv: "X_KEY",
        apiSecretEnv: "X_SECRET",
        accessTokenEnv: "X_TOKEN",
        accessSecretEnv: "X_TOKEN_SECRET",
      }),
      {
        X_KEY: x.credentials.consumerKey,
        X_SECRET: x.credentials.consumerSecret,
        X_TOKEN: x.credentials.token,
        X_TOKEN_SECRET: x.credentials.tokenSecret,
      },
    );
    await send(channel, post(1));
    expect(x.received.map((r) => r.path)).toEqual(["/social/x/2/tweets"]);
  });

  it("is refused for Mastodon when the configuration loads, naming the key", () => {
    const message = problems(`channels:
  - { kind: webhook, key: team, urlEnv: TEAM_URL }
  - { kind: mastodon, key: toot, baseUrl: "https://proxy.example/social/mastodon", tokenEnv: T }
`);
    expect(message).toMatch(
      /channels\[1\]\.baseUrl: expected the server's root URL, such as https:\/\/mastodon\.social.*found "https:\/\/proxy\.example\/social\/mastodon"/,
    );
  });

  it("is refused with a query or a fragment, naming the key", () => {
    const message = problems(`channels:
  - { kind: bluesky, key: sky, baseUrl: "https://proxy.example/bsky?via=1", identifierEnv: A, passwordEnv: B }
  - { kind: x, key: x, baseUrl: "https://proxy.example/x#top", apiKeyEnv: A, apiSecretEnv: A, accessTokenEnv: A, accessSecretEnv: A }
`);
    expect(message).toMatch(/channels\[0\]\.baseUrl: expected a base URL without a \?query/);
    expect(message).toMatch(/channels\[1\]\.baseUrl: expected a base URL without a \?query/);
  });
});

const unreadable: Unreadable[] = ["garbage", "cut", "not-http"];

describe("an answer that cannot be read after a write", () => {
  it("leaves an X post unconfirmed, never failed", async () => {
    const { x, channels } = await onFakes();
    for (const [i, how] of unreadable.entries()) {
      x.answerNext(1, { kind: "accept", then: how });
      const error = await failure(send(channels.x, post(i + 1)), "unconfirmed");
      expect(error.message).toMatch(/^channels\.x: may or may not have been posted/);
      expect(x.postCount()).toBe(i + 1);
    }
  });

  it("leaves a Mastodon post unconfirmed, never failed", async () => {
    const { masto, channels } = await onFakes();
    for (const [i, how] of unreadable.entries()) {
      masto.answerNext(1, { kind: "accept", then: how });
      await failure(send(channels.masto, post(i + 1)), "unconfirmed");
      expect(masto.postCount()).toBe(i + 1);
    }
  });

  it("leaves a webhook post unconfirmed when the connection breaks; a 2xx status is enough", async () => {
    const { hook, channels } = await onFakes({ hook: "/social/hooks" });
    for (const how of ["cut", "not-http"] as const) {
      hook.answerNext(1, { kind: "accept", then: how });
      const error = await failure(send(channels.hook, post(1)), "unconfirmed");
      expect(error.message).not.toContain(hook.url);
    }
    hook.answerNext(1, { kind: "accept", then: "garbage" });
    expect(await send(channels.hook, post(2))).toEqual({ externalId: "liftoff-post-2", url: null });
    expect(hook.postCount()).toBe(3);
  });

  it("on Bluesky, looks the record up by its key and finds the post sent", async () => {
    const { sky, channels } = await onFakes({ sky: "/social/bluesky" });
    for (const [i, how] of unreadable.entries()) {
      sky.answerNext(1, { kind: "accept", then: how }, putRecord);
      const p = post(i + 1);
      const rkey = postRkey(p);
      expect(await send(channels.sky, p)).toEqual({
        externalId: `at://${sky.did}/app.bsky.feed.post/${rkey}`,
        url: `https://bsky.app/profile/${sky.did}/post/${rkey}`,
      });
      const lookUp = sky.received.at(-1)!;
      expect(lookUp.path).toBe(`/social/bluesky${getRecord}`);
      expect(Object.fromEntries(lookUp.query)).toEqual({
        repo: sky.did,
        collection: "app.bsky.feed.post",
        rkey,
      });
    }
    expect(sky.postCount()).toBe(3);
  });

  it("on Bluesky, retries when the record is not there, and the retry makes one post", async () => {
    const { sky, channels } = await onFakes();
    const garbage = { "content-type": "application/json" };
    sky.answerNext(
      1,
      { kind: "raw", answer: { status: 200, headers: garbage, body: "{" } },
      putRecord,
    );
    const error = await failure(send(channels.sky, post(1)), "transient");
    expect(error.message).toMatch(/record is not there; it will be put again under the same key/);
    expect(sky.postCount()).toBe(0);
    await send(channels.sky, post(1));
    expect(sky.records().map((r) => r.rkey)).toEqual([postRkey(post(1))]);
  });
});
