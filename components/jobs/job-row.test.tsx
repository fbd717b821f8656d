// The Jobs page's card for one job, as the server renders it: a run that stored a counter reset
// it inferred says so as a warning, apart from errors.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { JobRunView, JobView } from "@/lib/dashboard/types";
import { JobRow } from "./job-row";

const warning =
  "users_total: counter went down from 227865 to 62114; counted as a reset (inferred)";

function run(id: number, options: Partial<JobRunView> = {}): JobRunView {
  const startedAt = new Date(Date.UTC(2026, 0, 20, 12, 0, 60 - id * 15)).toISOString();
  return {
    id: String(id),
    job: "ingest-metrics",
    trigger: "schedule",
    worker: "host:1",
    startedAt,
    endedAt: startedAt,
    durationMs: 120,
    outcome: "success",
    error: null,
    counts: { samples: 4, failed: 0 },
    warnings: [],
    ...options,
  };
}

function render(runs: JobRunView[]) {
  const job: JobView = {
    name: "ingest-metrics",
    description: "Reads every metric source.",
    schedule: "*/15 * * * * *",
    timeoutMs: 60_000,
    enabled: true,
    nextRunAt: null,
    lastRun: runs[0] ?? null,
    lastSuccessAt: runs[0]?.endedAt ?? null,
    recentRuns: runs,
  };
  const html = renderToStaticMarkup(
    <JobRow job={job} generatedAt="2026-01-20T12:01:00Z" timezone="UTC" />,
  );
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

describe("a job's card", () => {
  it("shows the last run's warnings as a warning, not an error", () => {
    const text = render([
      run(1, { warnings: [warning], counts: { samples: 4, failed: 0, warnings: 1 } }),
      run(2),
    ]);
    expect(text).toContain(`Last run warned`);
    expect(text).toContain(warning);
    expect(text).not.toContain("Last run failed");
  });

  it("keeps an earlier run's warning in sight, and says how many were not kept", () => {
    const text = render([
      run(1),
      run(2, { warnings: [warning], counts: { samples: 4, failed: 0, warnings: 3 } }),
    ]);
    expect(text).toContain("Most recent warning");
    expect(text).toContain("and 2 more");
  });

  it("says nothing of warnings when no run had any", () => {
    const text = render([run(1), run(2)]);
    expect(text).not.toMatch(/warned|Most recent warning|counted as a reset/);
  });
});
