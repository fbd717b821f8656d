// A dashboard page whose charts are not built yet: says what will appear and what fills it,
// without showing any made-up data.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "./card";
import { EmptyState } from "./empty-state";
import { PageHeader } from "./page-header";

export type PlannedPageProps = {
  title: string;
  description: string;
  /** What the page will show, one item per line. */
  willShow: ReactNode[];
  /** Which configuration section and job fill it. */
  filledBy: ReactNode;
};

export function PlannedPage({ title, description, willShow, filledBy }: PlannedPageProps) {
  return (
    <>
      <PageHeader eyebrow="Dashboard" title={title} description={description} />
      <Card>
        <EmptyState
          title={`Nothing to show on ${title} yet`}
          action={
            <Link href="/jobs" className="button button--ghost button--small">
              See Jobs
            </Link>
          }
        >
          <p>This page is still being built. When it is ready it will show:</p>
          <ul className="planned-list">
            {willShow.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
          <p>{filledBy}</p>
        </EmptyState>
      </Card>
    </>
  );
}
