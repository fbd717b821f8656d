"use client";
// A post whose send may have landed (the network timed out, or said it already holds the text):
// a founder looks on the network and says which. Posted: recorded as sent (with its link when
// found) and never sent again. Not posted: queued to send again.
import { useState } from "react";
import { TextField } from "@/components/uptime/control-fields";
import { DecisionHead, type DecisionItemProps } from "./approval-item";
import { cancelButton, DecisionButtons } from "./decision-buttons";
import { usePostDecision } from "./use-post-decision";

export function ReconcileItem({ post, onDecided }: DecisionItemProps) {
  const decision = usePostDecision(post.id);
  const [url, setUrl] = useState("");
  const link = url.trim();

  return (
    <li className="control-list__item milestone-decision" data-testid="reconcile">
      <DecisionHead post={post} />
      <blockquote className="milestone-post__text">{post.text}</blockquote>
      <p className="milestone-post__error">
        {post.error ?? "The last send may or may not have reached the network."}
      </p>
      <p className="muted">
        Look for this post on {post.channel}. If it is there, record it: it will never be sent
        again. If it is not, send it again.
      </p>
      <TextField
        label="Its link, if you found it"
        value={url}
        onChange={setUrl}
        maxLength={2000}
        placeholder="https://"
      />
      <DecisionButtons
        decision={decision}
        buttons={[
          {
            label: "It was posted",
            onClick: () =>
              decision.decide(
                "reconcile",
                { outcome: "posted", ...(link ? { url: link } : {}) },
                `Recorded as sent on ${post.channel}.`,
                onDecided,
              ),
          },
          {
            label: "Not posted: send again",
            ghost: true,
            onClick: () =>
              decision.decide(
                "reconcile",
                { outcome: "not-posted" },
                `The post to ${post.channel} is queued again.`,
                onDecided,
              ),
          },
          cancelButton(decision, post.channel, onDecided),
        ]}
      />
    </li>
  );
}
