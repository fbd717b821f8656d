// Which counter samples follow a reset, and why, as Prometheus reads counters: a counter never
// goes down, so a sample lower than the one before it starts again from zero. The reason is kept:
//  - "flagged": the source says so (a pushed sample's `reset`);
//  - "restart": the source reports a process start time other than the one it reported before;
//    start times are compared only with the source's own earlier ones, never with our clock,
//    so a source whose clock is a year off restarts like any other;
//  - "inferred": the counter went down with neither; stored, and told as a warning.
import type { SampleInput } from "./sample-types";

export type ResetReason = "flagged" | "restart" | "inferred";

/** A sample of the batch, valid on its own, with the reset it follows (if any). */
export type TimelineSample = { index: number; input: SampleInput; reason: ResetReason | null };

/** A sample already stored around the batch. */
export type StoredSample = { at: Date; value: number; reset: boolean };

export type ResetFindings = {
  /** Stored samples that now sit lower than a batch sample before them: resets too. */
  storedResets: Date[];
  /** The source's latest process start time after this batch (null when it never said). */
  processStartedAt: Date | null;
  /** One sentence per inferred reset, for the job run or the pusher. */
  warnings: string[];
};

/** Exporters round the start time; within a second it is the same process. */
const sameProcessMs = 1_000;

function describeDrop(metricKey: string, from: number, to: number): string {
  return `${metricKey}: counter went down from ${from} to ${to}; counted as a reset (inferred)`;
}

/**
 * Walks the counter's timeline (what is stored around the batch plus the batch, in time order)
 * and sets each batch sample's reset reason. Samples at a time already stored are duplicates and
 * are left alone. `processStartedAt` is the start time the source reported last.
 */
export function findCounterResets(
  metricKey: string,
  samples: TimelineSample[],
  stored: StoredSample[],
  processStartedAt: Date | null,
): ResetFindings {
  const storedTimes = new Set(stored.map((s) => s.at.getTime()));
  const latestStored = Math.max(-Infinity, ...storedTimes);
  const events = [
    ...stored.map((s) => ({ at: s.at, value: s.value, stored: s, sample: null })),
    ...samples
      .filter((s) => !storedTimes.has(s.input.at.getTime()))
      .map((s) => ({ at: s.input.at, value: s.input.value, stored: null, sample: s })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  const findings: ResetFindings = { storedResets: [], processStartedAt, warnings: [] };
  let previous: number | null = null;
  for (const event of events) {
    const dropped = previous !== null && event.value < previous;
    if (event.sample) {
      const { input } = event.sample;
      // Only a sample newer than everything stored speaks for the process that runs now.
      const current = input.at.getTime() > latestStored;
      const started = current ? input.startedAt : undefined;
      const known = findings.processStartedAt;
      const restarted =
        started !== undefined &&
        known !== null &&
        Math.abs(started.getTime() - known.getTime()) >= sameProcessMs;
      if (started !== undefined) findings.processStartedAt = started;
      event.sample.reason = input.reset
        ? "flagged"
        : restarted
          ? "restart"
          : dropped
            ? "inferred"
            : null;
      if (event.sample.reason === "inferred")
        findings.warnings.push(describeDrop(metricKey, previous!, event.value));
    } else if (dropped && !event.stored.reset) {
      findings.storedResets.push(event.at);
      findings.warnings.push(describeDrop(metricKey, previous!, event.value));
    }
    previous = event.value;
  }
  return findings;
}
