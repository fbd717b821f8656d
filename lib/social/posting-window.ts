// When a channel may post, in the configuration's time zone: never inside its quiet hours (a
// local range that may wrap midnight, ["22:00", "07:00"]), and at most dailyCap posts per local
// day. Pure: the sender asks these with its own clock.
import { bucketStart, nextBucket } from "@/lib/time/zone";

export type QuietHours = readonly [string, string] | undefined;

const minuteMs = 60_000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Local midnight starting the day `at` falls in. */
export function localDayStart(at: Date, timeZone: string): Date {
  return bucketStart(at, "day", timeZone);
}

/** Local midnight ending the day `at` falls in. */
export function nextLocalDay(at: Date, timeZone: string): Date {
  return nextBucket(localDayStart(at, timeZone), "day", timeZone);
}

/** The instant a local time of day ("07:00") next comes after `at`. */
function nextLocalTime(at: Date, minutes: number, timeZone: string): Date {
  const day = localDayStart(at, timeZone);
  const today = new Date(day.getTime() + minutes * minuteMs);
  if (today > at) return today;
  return new Date(nextBucket(day, "day", timeZone).getTime() + minutes * minuteMs);
}

/** When the quiet hours `at` falls in end, or null when `at` is not inside them. */
export function quietUntil(at: Date, quiet: QuietHours, timeZone: string): Date | null {
  if (!quiet) return null;
  const [start, end] = quiet.map(minutesOf) as [number, number];
  if (start === end) return null;
  const sinceMidnight = (at.getTime() - localDayStart(at, timeZone).getTime()) / minuteMs;
  const inside =
    start < end
      ? sinceMidnight >= start && sinceMidnight < end
      : sinceMidnight >= start || sinceMidnight < end;
  return inside ? nextLocalTime(at, end, timeZone) : null;
}

/** The first moment at or after `at` outside the quiet hours. */
export function openFrom(at: Date, quiet: QuietHours, timeZone: string): Date {
  return quietUntil(at, quiet, timeZone) ?? at;
}

/** When a channel whose cap is spent for the day `at` falls in may post again. */
export function afterDailyCap(at: Date, quiet: QuietHours, timeZone: string): Date {
  return openFrom(nextLocalDay(at, timeZone), quiet, timeZone);
}
