// The Growth page's numbers in words: signed rates, the previous period, the milestone ETA and why
// a number is missing, plus the wall-clock conversions of the custom range's inputs.
import type { GrowthSummary, RangePreset, SeriesUnit } from "@/lib/growth/growth-types";
import { zoneOffsetMinutes } from "@/lib/time/zone";
import { formatCount, formatDateTime } from "./format";
import { presetSpanMs } from "./growth";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NBSP = "\u00a0";

const rateFormats = {
  small: new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }),
  large: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
};

/** A growth rate as a signed percentage: 0.25 → "+25 %", -0.104 → "−10 %", 0.0123 → "+1.2 %". */
export function formatSignedPercent(rate: number): string {
  const percent = Math.abs(rate * 100);
  const text = (percent < 10 ? rateFormats.small : rateFormats.large).format(percent);
  if (text === "0") return `±0${NBSP}%`;
  return `${rate > 0 ? "+" : "−"}${text}${NBSP}%`;
}

/** A length of time as a range names it: "1 h", "24 h", "7 d", "3 d 4 h", "45 min". */
export function describeSpan(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms <= 2 * DAY && ms % DAY !== 0) {
    const hours = Math.round(ms / HOUR);
    return `${hours} h`;
  }
  if (ms === DAY) return "24 h";
  const days = Math.floor(ms / DAY);
  const hours = Math.round((ms % DAY) / HOUR);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/** "previous 7 d" for a preset, "previous 3 d 4 h" for a custom span, "previous period" else. */
export function previousLabel(range: RangePreset, spanMs: number | null): string {
  if (range !== "custom" && range !== "all") return `previous ${describeSpan(presetSpanMs[range])}`;
  return spanMs ? `previous ${describeSpan(spanMs)}` : "previous period";
}

export type Described = { text: string; detail: string; missing: boolean };

export { metricNouns, type MetricNouns } from "@/lib/growth/metric-nouns";

/** "signups" → "Signups". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Day-over-day or week-over-week growth of signups, or why it cannot be told yet. */
export function describeGrowthRate(
  rate: number | null,
  per: "day" | "week",
  noun = "signups",
): Described {
  if (rate !== null) {
    return {
      text: formatSignedPercent(rate),
      detail:
        per === "day"
          ? `${noun} in the last 24 h against the 24 h before`
          : `${noun} in the last 7 d against the 7 d before`,
      missing: false,
    };
  }
  return {
    text: "not enough history",
    detail:
      per === "day"
        ? `needs two full days of samples, with ${noun} in the earlier one`
        : `needs two full weeks of samples, with ${noun} in the earlier one`,
    missing: true,
  };
}

/** "+12 % vs previous 7 d", with the two increases; or why there is nothing to compare. */
export function describePeriodChange(period: GrowthSummary["period"], previous: string): Described {
  if (period.change !== null && period.previousIncrease !== null) {
    return {
      text: `${formatSignedPercent(period.change)} vs ${previous}`,
      detail: `${formatCount(period.increase)} against ${formatCount(period.previousIncrease)}`,
      missing: false,
    };
  }
  if (period.previousIncrease === null) {
    return {
      text: `no ${previous} to compare`,
      detail: "the data starts inside this range, so there is no earlier stretch as long",
      missing: true,
    };
  }
  return {
    text: `nothing in the ${previous}`,
    detail: `${formatCount(period.increase)} now against none before: a rate has nothing to divide by`,
    missing: true,
  };
}

const methodNames: Record<NonNullable<GrowthSummary["eta"]>["method"], string> = {
  "trailing-rate": "trailing rate",
  "log-linear": "log-linear fit",
};

/** A rate per hour in words: "≈ 1,234 users/h", or per day when it is slow. */
export function formatRate(perHour: number): string {
  if (perHour > 0 && perHour < 1) return `≈${NBSP}${formatCount(perHour * 24)}/day`;
  return `≈${NBSP}${formatCount(perHour)}/h`;
}

/** "1,000,000 users ≈ Jan 25, 14:00", its band and method, in `timeZone`. */
export function describeEta(
  eta: NonNullable<GrowthSummary["eta"]>,
  timeZone: string,
  noun = "users",
) {
  return {
    headline: `${formatCount(eta.target)} ${noun} ≈${NBSP}${formatDateTime(eta.at, timeZone)}`,
    band: `between ${formatDateTime(eta.low, timeZone)} and ${formatDateTime(eta.high, timeZone)}`,
    method: `${methodNames[eta.method]} · ${formatRate(eta.ratePerHour)}`,
  };
}

/** Why there is no ETA, from what the summary does say. */
export function explainMissingEta(summary: Pick<GrowthSummary, "total" | "change24h">): {
  title: string;
  body: string;
} {
  if (!summary.total) {
    return {
      title: "No users counted yet",
      body: "A projection starts from the users total, which nothing has ingested yet.",
    };
  }
  if (summary.change24h === null) {
    return {
      title: "Not enough history to project",
      body: "A projection needs a few hours of samples to measure the pace of signups.",
    };
  }
  if (summary.change24h <= 0) {
    return {
      title: "No growth to project",
      body: "No users were gained in the last 24 h, so no milestone is in sight.",
    };
  }
  return {
    title: "Growth too slow to project",
    body: "At the last 24 h’s pace the next milestone is more than five years away — or every users milestone in liftoff.config.yaml is already reached.",
  };
}

/** Signups missed in outages, in total: "≈ 375", "≥ 375" when some are unknown, "—" if none known. */
export function totalMissed(outages: Pick<GrowthSummary["outages"][number], "missedSignups">[]): {
  total: number | null;
  partial: boolean;
} {
  const known = outages.filter((outage) => outage.missedSignups !== null);
  return {
    total: known.length ? known.reduce((sum, outage) => sum + outage.missedSignups!, 0) : null,
    partial: known.length < outages.length,
  };
}

/** What one bar counts: "Signups per hour". */
export function perUnitLabel(unit: SeriesUnit, noun = "signups"): string {
  return `${capitalize(noun)} per ${unit}`;
}

/** A datetime-local value ("2026-01-20T14:00") read as a wall-clock time in `timeZone`. */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // The offset at the guess, then at the instant it gives (right across a DST change).
  const guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * MINUTE;
  return new Date(wall - zoneOffsetMinutes(new Date(guess), timeZone) * MINUTE).toISOString();
}

/** An instant as a datetime-local value in `timeZone`: "2026-01-20T14:00". */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  const local = new Date(at + zoneOffsetMinutes(new Date(at), timeZone) * MINUTE);
  return local.toISOString().slice(0, 16);
}
