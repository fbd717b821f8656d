// A post's channel: its key in liftoff.config.yaml and the network it posts to.
import type { PostView } from "@/lib/milestones/queries/milestones-page-types";

const kindLabel: Record<NonNullable<PostView["channelKind"]>, string> = {
  x: "X",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  webhook: "Webhook",
};

export function ChannelName({ post }: { post: Pick<PostView, "channel" | "channelKind"> }) {
  return (
    <span className="milestone-post__channel">
      <strong>{post.channel}</strong>{" "}
      <span className="muted">
        {post.channelKind ? kindLabel[post.channelKind] : "no longer configured"}
      </span>
    </span>
  );
}
