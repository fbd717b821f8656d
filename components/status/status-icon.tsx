// The icon beside each status: a tick, a dash, a warning, a cross, a wrench. Decorative: the status
// is always written beside it.
import type { Tone } from "@/lib/status/status-labels";

const paths: Record<Tone, string> = {
  up: "M7.5 12.5l3 3 6-7",
  degraded: "M8 12h8",
  partial: "M12 7.5v5.5M12 16.3v.2",
  down: "M9 9l6 6M15 9l-6 6",
  maintenance:
    "M14.5 6.5a3.5 3.5 0 0 0-4.4 4.4l-3.6 3.6a1.4 1.4 0 0 0 2 2l3.6-3.6a3.5 3.5 0 0 0 4.4-4.4l-2 2-1.9-.5-.5-1.9z",
  none: "M12 8v.2M12 11v5",
};

export function StatusIcon({ tone }: { tone: Tone }) {
  return (
    <svg className={`status-icon status-icon--${tone}`} viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="10" />
      <path d={paths[tone]} />
    </svg>
  );
}
