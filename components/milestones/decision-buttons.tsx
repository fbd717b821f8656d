"use client";
// The buttons of one decision on a post (approve, cancel, send again...), all idle while one is
// on its way, and what became of it.
import { WriteFeedback } from "@/components/uptime/write-feedback";
import type { PostDecision } from "./use-post-decision";

export type DecisionButton = {
  label: string;
  onClick: () => void;
  ghost?: boolean;
  disabled?: boolean;
};

/** Cancel: the post is never sent. */
export function cancelButton(
  decision: PostDecision,
  channel: string,
  onDecided?: (done: string) => void,
): DecisionButton {
  return {
    label: "Cancel post",
    ghost: true,
    onClick: () => decision.decide("cancel", {}, `The post to ${channel} is cancelled.`, onDecided),
  };
}

export function DecisionButtons({
  decision,
  buttons,
}: {
  decision: PostDecision;
  buttons: DecisionButton[];
}) {
  return (
    <div className="control-form__actions">
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          className={`button button--small${button.ghost ? " button--ghost" : ""}`}
          onClick={button.onClick}
          disabled={decision.pending || button.disabled}
        >
          {button.label}
        </button>
      ))}
      {decision.pending ? <span className="muted">Saving…</span> : null}
      <WriteFeedback error={decision.error} success={decision.success} />
    </div>
  );
}
