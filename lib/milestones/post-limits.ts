// Does a post fit its channel, counted the way that network counts? X: 280 weighted characters
// (CJK and emoji weigh 2, a link 23), by twitter-text. Mastodon: maxChars graphemes with each link
// counted as 23, as its server does. Bluesky: 300 graphemes. A webhook: 4,000 graphemes. A text
// that does not fit is refused with the channel, the limit and the length; it is never cut,
// because a cut post could end in a wrong number.
import twitter from "twitter-text";
import type { ChannelConfig } from "@/lib/config/schema";

/** The length a link counts for on X and Mastodon. */
const linkLength = 23;
const webhookLimit = 4_000;
const blueskyLimit = 300;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

export function countGraphemes(text: string): number {
  return [...graphemes.segment(text)].length;
}

/** Mastodon's count: graphemes, with every http(s) link as 23 of them. */
function mastodonLength(text: string): number {
  const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let rest = text;
  for (const { indices } of [...urls].reverse()) {
    rest = rest.slice(0, indices[0]) + rest.slice(indices[1]);
  }
  return countGraphemes(rest) + urls.length * linkLength;
}

export type PostLength = { length: number; limit: number; unit: string };

export function measurePost(text: string, channel: ChannelConfig): PostLength {
  switch (channel.kind) {
    case "x":
      return {
        length: twitter.parseTweet(text).weightedLength,
        limit: 280,
        unit: "weighted characters",
      };
    case "mastodon":
      return { length: mastodonLength(text), limit: channel.maxChars, unit: "characters" };
    case "bluesky":
      return { length: countGraphemes(text), limit: blueskyLimit, unit: "characters" };
    case "webhook":
      return { length: countGraphemes(text), limit: webhookLimit, unit: "characters" };
  }
}

/** Why `text` cannot go to `channel`, or null when it fits. */
export function postTooLong(text: string, channel: ChannelConfig): string | null {
  const { length, limit, unit } = measurePost(text, channel);
  if (length <= limit) return null;
  return `too long for ${channel.kind} channel "${channel.key}": ${length} ${unit}, at most ${limit}`;
}
