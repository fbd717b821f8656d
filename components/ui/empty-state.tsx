// What a card shows when it has nothing to show, and why.
import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: string;
  /** Why it is empty and what fills it. */
  children: ReactNode;
  /** A link or button: "See Jobs". */
  action?: ReactNode;
  compact?: boolean;
};

export function EmptyState({ title, children, action, compact }: EmptyStateProps) {
  return (
    <div className={compact ? "empty-state empty-state--compact" : "empty-state"}>
      <p className="empty-state__title">{title}</p>
      <div className="empty-state__body">{children}</div>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
