"use client";
// A post's length as its network counts it, against the channel's limit, live as a founder types:
// the same count (and the same refusal) the API applies when the post is approved.
import { measurePost, postTooLong } from "@/lib/milestones/post-limits";
import type { ChannelView } from "@/lib/milestones/queries/milestones-page-types";
import { formatCount } from "@/lib/api-client/format";

export function PostLength({ text, channel }: { text: string; channel: ChannelView | undefined }) {
  if (!channel) {
    return (
      <p className="post-length post-length--over" data-testid="post-length">
        This channel is no longer declared under <code>channels</code> in liftoff.config.yaml:
        nothing can send this post.
      </p>
    );
  }
  const { length, limit, unit } = measurePost(text, channel.settings);
  const reason = postTooLong(text, channel.settings);
  return (
    <p
      className={`post-length${reason ? " post-length--over" : ""}`}
      data-testid="post-length"
      aria-live="polite"
    >
      <span className="numeric">
        {formatCount(length)} / {formatCount(limit)}
      </span>{" "}
      {unit}
      {reason ? ` · ${reason}` : null}
    </p>
  );
}
