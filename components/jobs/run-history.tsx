"use client";
// A job's recent runs: a strip of coloured squares (oldest to newest) and, on demand, a table.
import { useIsClient } from "@/components/hooks/use-now";
import { LocalDateTime } from "@/components/ui/relative-time";
import { OutcomeBadge } from "@/components/ui/status-dot";
import { formatDateTime, formatDuration } from "@/lib/api-client/format";
import type { JobRunView } from "@/lib/dashboard/types";
import { formatCounts } from "./job-counts";

const outcomeWords = {
  success: "succeeded",
  failed: "failed",
  timeout: "timed out",
  running: "running",
};

/** "Mar 4, 14:05: failed in 1.2 s (samples 3) — HTTP 503"; times in UTC until hydration. */
function describeRun(run: JobRunView, isClient: boolean): string {
  const at = isClient
    ? formatDateTime(run.startedAt)
    : `${formatDateTime(run.startedAt, "UTC")} UTC`;
  const parts = [`${at}: ${outcomeWords[run.outcome]}`];
  if (run.durationMs !== null) parts.push(`in ${formatDuration(run.durationMs)}`);
  const counts = formatCounts(run.counts);
  if (counts) parts.push(`(${counts})`);
  if (run.error) parts.push(`— ${run.error}`);
  if (run.warnings.length) parts.push(`— warned: ${run.warnings.join("; ")}`);
  return parts.join(" ");
}

export function RunHistory({ runs }: { runs: JobRunView[] }) {
  const isClient = useIsClient();
  if (!runs.length) return null;
  const oldestFirst = [...runs].reverse();
  return (
    <div className="run-history">
      <ol className="run-history__strip" aria-label={`Last ${runs.length} runs, oldest first`}>
        {oldestFirst.map((run) => (
          <li
            key={run.id}
            className={`run-history__square run-history__square--${run.outcome}`}
            title={describeRun(run, isClient)}
          >
            <span className="visually-hidden">{describeRun(run, isClient)}</span>
          </li>
        ))}
      </ol>
      <details className="run-history__details">
        <summary>Recent runs</summary>
        <div className="table-scroll">
          <table className="runs-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Outcome</th>
                <th scope="col">Duration</th>
                <th scope="col">Trigger</th>
                <th scope="col">Counts</th>
                <th scope="col">Error or warning</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td className="numeric">
                    <LocalDateTime iso={run.startedAt} />
                  </td>
                  <td>
                    <OutcomeBadge outcome={run.outcome} />
                  </td>
                  <td className="numeric">
                    {run.durationMs === null ? "—" : formatDuration(run.durationMs)}
                  </td>
                  <td>
                    {run.trigger}
                    <span className="runs-table__worker" title={`worker ${run.worker}`}>
                      {run.worker}
                    </span>
                  </td>
                  <td className="numeric">{formatCounts(run.counts) || "—"}</td>
                  <td className="runs-table__error">
                    {run.error ?? ""}
                    {run.warnings.map((warning, i) => (
                      <span key={i} className="runs-table__warning">
                        {warning}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
