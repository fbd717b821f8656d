"use client";
// A post waiting for a founder: its text, editable, with its length against the channel's limit,
// and the choice to approve it (queued at once) or cancel it.
import { useState } from "react";
import { LocalDateTime } from "@/components/ui/relative-time";
import { TextField } from "@/components/uptime/control-fields";
import { postTooLong } from "@/lib/milestones/post-limits";
import type { ChannelView, DecisionView } from "@/lib/milestones/queries/milestones-page-types";
import { ChannelName } from "./channel-name";
import { cancelButton, DecisionButtons } from "./decision-buttons";
import { PostLength } from "./post-length";
import { usePostDecision } from "./use-post-decision";

export type DecisionItemProps = {
  post: DecisionView;
  channel: ChannelView | undefined;
  /** Told what was decided: the item itself leaves the list once the page reloads. */
  onDecided: (done: string) => void;
};

/** Which post this is: its channel, and the milestone it announces. */
export function DecisionHead({ post }: { post: DecisionView }) {
  return (
    <p className="milestone-decision__head">
      <ChannelName post={post} />
      <span className="muted">
        {" "}
        · {post.milestone.label} · <LocalDateTime iso={post.milestone.metAt} />
      </span>
    </p>
  );
}

export function ApprovalItem({ post, channel, onDecided }: DecisionItemProps) {
  const decision = usePostDecision(post.id);
  const [text, setText] = useState(post.text);
  const trimmed = text.trim();
  const edited = trimmed !== post.text;
  const refused = !trimmed || !channel || postTooLong(trimmed, channel.settings) !== null;

  return (
    <li className="control-list__item milestone-decision" data-testid="approval">
      <DecisionHead post={post} />
      <TextField label={`Text for ${post.channel}`} value={text} onChange={setText} rows={4} />
      <PostLength text={trimmed} channel={channel} />
      <DecisionButtons
        decision={decision}
        buttons={[
          {
            label: edited ? "Approve edited text" : "Approve",
            disabled: refused,
            onClick: () =>
              decision.decide(
                "approve",
                edited ? { text: trimmed } : {},
                `Approved: the post to ${post.channel} is queued.`,
                onDecided,
              ),
          },
          cancelButton(decision, post.channel, onDecided),
        ]}
      />
    </li>
  );
}
