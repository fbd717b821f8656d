"use client";
// One post of a milestone: its channel and state, its link once sent, its text, its last error,
// and what a founder can still do with it here (send a failed one again, cancel an unsent one).
import { LocalDateTime, RelativeTime } from "@/components/ui/relative-time";
import type { PostView } from "@/lib/milestones/queries/milestones-page-types";
import { ChannelName } from "./channel-name";
import { cancelButton, type DecisionButton, DecisionButtons } from "./decision-buttons";
import { PostStatusBadge } from "./post-status";
import { usePostDecision } from "./use-post-decision";

function PostWhen({ post, generatedAt }: { post: PostView; generatedAt: string }) {
  if (post.status === "sent" && post.sentAt) {
    return (
      <span className="muted">
        sent <LocalDateTime iso={post.sentAt} />
      </span>
    );
  }
  if (post.status === "pending") {
    return (
      <span className="muted">
        next try <RelativeTime iso={post.nextAttemptAt} fallbackNow={generatedAt} />
      </span>
    );
  }
  if (post.status === "awaiting_approval" || post.status === "reconcile") {
    return <a href="#decisions">decide above</a>;
  }
  return null;
}

function PostActions({ post }: { post: PostView }) {
  const decision = usePostDecision(post.id);
  const buttons: DecisionButton[] = [];
  if (post.status === "failed") {
    buttons.push({
      label: "Send again",
      onClick: () => decision.decide("retry", {}, `The post to ${post.channel} is queued again.`),
    });
  }
  if (post.status === "failed" || post.status === "pending") {
    buttons.push(cancelButton(decision, post.channel));
  }
  return buttons.length ? <DecisionButtons decision={decision} buttons={buttons} /> : null;
}

export function PostItem({ post, generatedAt }: { post: PostView; generatedAt: string }) {
  return (
    <li className="milestone-post" data-testid="timeline-post" data-channel={post.channel}>
      <div className="milestone-post__head">
        <ChannelName post={post} />
        <PostStatusBadge status={post.status} />
        {post.url ? (
          <a href={post.url} target="_blank" rel="noreferrer" className="milestone-post__link">
            View post
          </a>
        ) : null}
        <PostWhen post={post} generatedAt={generatedAt} />
        {post.attempts ? (
          <span className="muted">
            {post.attempts} attempt{post.attempts === 1 ? "" : "s"}
          </span>
        ) : null}
      </div>
      <blockquote className="milestone-post__text">{post.text}</blockquote>
      {post.error ? <p className="milestone-post__error">{post.error}</p> : null}
      <PostActions post={post} />
    </li>
  );
}
