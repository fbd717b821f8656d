// A bordered panel with an optional heading and an action on the right of it.
import type { ReactNode } from "react";

export type CardProps = {
  title?: ReactNode;
  /** A small note or link beside the title ("last 24 h", "See Jobs"). */
  action?: ReactNode;
  className?: string;
  children: ReactNode;
  "data-testid"?: string;
};

export function Card({ title, action, className, children, ...rest }: CardProps) {
  return (
    <section className={className ? `card ${className}` : "card"} data-testid={rest["data-testid"]}>
      {title || action ? (
        <header className="card__header">
          {title ? <h2 className="card__title">{title}</h2> : null}
          {action ? <div className="card__action">{action}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}
