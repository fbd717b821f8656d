// A coloured dot with its status in words beside it (colour is never the only signal).
import type { JobOutcome, MonitorStatus } from "@/lib/dashboard/types";

export type Tone = MonitorStatus | JobOutcome;

const labels: Record<Tone, string> = {
  up: "Up",
  degraded: "Degraded",
  down: "Down",
  unknown: "Unknown",
  success: "Success",
  failed: "Failed",
  timeout: "Timed out",
  running: "Running",
};

export function StatusDot({ status, label }: { status: Tone; label?: string | false }) {
  const text = label === undefined ? labels[status] : label;
  return (
    <span className={`status status--${status}`}>
      <span className="status__dot" aria-hidden="true" />
      {text === false ? <span className="visually-hidden">{labels[status]}</span> : text}
    </span>
  );
}

/** A pill for a job run's outcome. */
export function OutcomeBadge({ outcome }: { outcome: JobOutcome | null }) {
  if (outcome === null) return <span className="badge badge--none">Never run</span>;
  return <span className={`badge badge--${outcome}`}>{labels[outcome]}</span>;
}
