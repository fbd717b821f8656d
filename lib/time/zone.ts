// Time-zone arithmetic for bucketing: offsets from Intl (the runtime's tz database), no library.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes east of UTC that `timeZone` is at `instant` (e.g. +780 for Auckland in summer). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const name =
    formatter(timeZone)
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export type BucketUnit = "minute" | "hour" | "day";

const fixedMs = { minute: 60_000, hour: 3_600_000 } as const;

/** The start of the bucket holding `instant`, in `timeZone` (days begin at local midnight). */
export function bucketStart(instant: Date, unit: BucketUnit, timeZone: string): Date {
  const offsetMs = zoneOffsetMinutes(instant, timeZone) * 60_000;
  const local = instant.getTime() + offsetMs;
  const width = unit === "day" ? 86_400_000 : fixedMs[unit];
  const localStart = Math.floor(local / width) * width;
  // Convert local midnight back to an instant with the offset in force at that midnight.
  const guess = localStart - offsetMs;
  return new Date(localStart - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
}

/** The start of the next bucket: a local day can last 23 or 25 hours across a DST change. */
export function nextBucket(start: Date, unit: BucketUnit, timeZone: string): Date {
  if (unit !== "day") return new Date(start.getTime() + fixedMs[unit]);
  return bucketStart(new Date(start.getTime() + 36 * 3_600_000), "day", timeZone);
}
