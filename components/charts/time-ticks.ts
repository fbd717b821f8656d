// Time-axis ticks on round local times (every 15 min, every 3 h, at midnight...) in the chart's
// time zone, so "14:00" means 14:00 there and bars are labelled at their buckets' starts.
import { zoneOffsetMinutes } from "@/lib/time/zone";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const shortSteps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720].map((m) => m * MINUTE);
const daySteps = [1, 2, 7, 14, 30, 61, 91, 182, 365].map((d) => d * DAY);
/** The share of the span at the axis's start where no tick is labelled (half a label's width on a phone-wide chart). */
const startMarginShare = 0.07;

/** The instant a local wall-clock time (as epoch ms read as UTC) has in `timeZone`. */
function fromLocal(local: number, timeZone: string): number {
  const guess = local - zoneOffsetMinutes(new Date(local), timeZone) * MINUTE;
  return local - zoneOffsetMinutes(new Date(guess), timeZone) * MINUTE;
}

/**
 * Ticks between `first` and `last` (epoch ms), at most about `count`: whole minutes or hours up
 * to a day and a half (the axis shows times), whole local days beyond (it shows dates).
 */
export function timeTicks(first: number, last: number, timeZone: string, count = 10): number[] {
  const span = last - first;
  if (!(span > 0)) return [];
  const steps = span <= 36 * HOUR ? shortSteps : daySteps;
  const step = steps.find((s) => span / s <= count) ?? steps[steps.length - 1]!;
  const localFirst = first + zoneOffsetMinutes(new Date(first), timeZone) * MINUTE;
  const localLast = last + zoneOffsetMinutes(new Date(last), timeZone) * MINUTE;
  // A label centred on a tick this close to the start would reach into the value axis's labels.
  const clear = first + span * startMarginShare;
  const ticks: number[] = [];
  for (let local = Math.ceil(localFirst / step) * step; local <= localLast; local += step) {
    const at = fromLocal(local, timeZone);
    if (at >= clear && at <= last && ticks[ticks.length - 1] !== at) ticks.push(at);
  }
  return ticks;
}
