"use client";
// What the most recent run that warned stored but flagged: a counter reset it inferred, say.
// Warnings never fail a run, so they show beside its outcome, not as its error.
import { RelativeTime } from "@/components/ui/relative-time";
import type { JobRunView } from "@/lib/dashboard/types";

export type RunWarningsProps = { runs: JobRunView[]; generatedAt: string };

export function RunWarnings({ runs, generatedAt }: RunWarningsProps) {
  const warned = runs.find((run) => run.warnings.length > 0);
  if (!warned) return null;
  const more = (warned.counts.warnings ?? warned.warnings.length) - warned.warnings.length;
  return (
    <div className="job__warning" data-testid="job-warnings">
      <p className="job__warning-title">
        {warned === runs[0] ? "Last run warned" : "Most recent warning"}{" "}
        <RelativeTime iso={warned.startedAt} fallbackNow={generatedAt} />
      </p>
      <ul>
        {warned.warnings.map((warning, i) => (
          <li key={i}>{warning}</li>
        ))}
      </ul>
      {more > 0 ? <p className="muted">and {more} more</p> : null}
    </div>
  );
}
