import { describe, expect, it } from "vitest";
import type { ChannelConfig } from "@/lib/config/schema";
import { measurePost, postTooLong } from "./post-limits";

const common = { mode: undefined, dailyCap: 10, templates: {} };
const x: ChannelConfig = {
  ...common,
  key: "x",
  kind: "x",
  baseUrl: "https://api.x.com",
  apiKeyEnv: "A",
  apiSecretEnv: "B",
  accessTokenEnv: "C",
  accessSecretEnv: "D",
};
const mastodon: ChannelConfig = {
  ...common,
  key: "toot",
  kind: "mastodon",
  baseUrl: "https://mastodon.test",
  tokenEnv: "T",
  maxChars: 500,
};
const bluesky: ChannelConfig = {
  ...common,
  key: "sky",
  kind: "bluesky",
  baseUrl: "https://bsky.social",
  identifierEnv: "I",
  passwordEnv: "P",
};
const webhook: ChannelConfig = { ...common, key: "hook", kind: "webhook", urlEnv: "U" };
const longUrl = `https://stashbox.example.com/launch/${"a".repeat(150)}`;

describe("X", () => {
  it("allows 280 weighted characters, CJK and emoji weighing two", () => {
    expect(postTooLong("a".repeat(280), x)).toBeNull();
    expect(postTooLong("世".repeat(140), x)).toBeNull();
    expect(measurePost("🚀".repeat(140), x).length).toBe(280);
    expect(postTooLong("世".repeat(141), x)).toBe(
      'too long for x channel "x": 282 weighted characters, at most 280',
    );
  });

  it("counts a link as 23 however long it is", () => {
    expect(postTooLong(`${"a".repeat(256)} ${longUrl}`, x)).toBeNull();
    expect(measurePost(`${"a".repeat(257)} ${longUrl}`, x).length).toBe(281);
  });
});

describe("Mastodon", () => {
  it("counts graphemes, a link as 23, up to the instance's maxChars", () => {
    expect(postTooLong("👩‍👩‍👧".repeat(500), mastodon)).toBeNull();
    expect(measurePost(`${"a".repeat(477)} ${longUrl}`, mastodon).length).toBe(501);
    expect(postTooLong(`${"a".repeat(476)} ${longUrl}`, mastodon)).toBeNull();
    expect(postTooLong("世".repeat(101), { ...mastodon, maxChars: 100 })).toBe(
      'too long for mastodon channel "toot": 101 characters, at most 100',
    );
  });
});

describe("Bluesky and webhooks", () => {
  it("counts graphemes against 300 for Bluesky, links in full", () => {
    expect(postTooLong("👍🏽".repeat(300), bluesky)).toBeNull();
    expect(postTooLong("👍🏽".repeat(301), bluesky)).toMatch(/301 characters, at most 300/);
    expect(measurePost(`a ${longUrl}`, bluesky).length).toBe(2 + longUrl.length);
  });

  it("gives a webhook 4,000", () => {
    expect(postTooLong("a".repeat(4000), webhook)).toBeNull();
    expect(postTooLong("a".repeat(4001), webhook)).toMatch(/webhook channel "hook"/);
  });
});
