// A source that fails part-way keeps what it read before: Tranco's list, read before its API was
// rate-limited, is still the day's list. The failure is raised all the same (the run records it,
// naming the source); the readings ride on it and the job stores them first.
import { SourceError } from "@/lib/errors";
import type { RankReading } from "@/lib/rank/rank-types";

export class PartialReadError extends SourceError {
  constructor(
    readonly failure: SourceError,
    readonly readings: RankReading[],
  ) {
    const said = failure.message.slice(failure.source.length + 2);
    const kept = readings.length === 1 ? "the reading" : `the ${readings.length} readings`;
    super(failure.kind, failure.source, `${said}; kept ${kept} read before it`, {
      cause: failure,
    });
  }
}

/**
 * `error`, carrying `before` (and any readings it already carried, through `also`) when it is a
 * source's own failure; anything else (a stopped run) is returned as it is.
 */
export function keepReadings(
  error: unknown,
  before: RankReading[],
  also: (readings: RankReading[]) => RankReading[] = (readings) => [...before, ...readings],
): unknown {
  if (error instanceof PartialReadError)
    return new PartialReadError(error.failure, also(error.readings));
  if (error instanceof SourceError && before.length > 0) return new PartialReadError(error, before);
  return error;
}
