// The query string of a series request: a metric, a range (a preset or from/to), a bucket unit
// (or auto, from the range) and the viewer's time zone. Zod at the edge; errors name the field.
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import type { BucketUnit } from "@/lib/time/zone";
import { isValidTimeZone } from "@/lib/time/zone";
import { formatIssues } from "@/lib/validation";

export const rangePresets = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
} as const;
export type RangePreset = keyof typeof rangePresets | "all" | "custom";

const isoTime = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const paramsSchema = z
  .object({
    metric: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a metric key"),
    range: z.enum(["1h", "24h", "7d", "30d", "all", "custom"]).default("24h"),
    from: isoTime.optional(),
    to: isoTime.optional(),
    unit: z.enum(["auto", "minute", "hour", "day"]).default("auto"),
    tz: z.string().refine(isValidTimeZone, "an IANA time zone such as Pacific/Auckland").optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine((p) => p.range !== "custom" || (p.from && p.to && p.from < p.to), {
    message: "from and to (ISO 8601, from before to) for a custom range",
    path: ["from"],
  });

export type SeriesParams = z.output<typeof paramsSchema>;

export function parseSeriesParams(search: URLSearchParams): SeriesParams {
  const result = paramsSchema.safeParse(Object.fromEntries(search), { reportInput: true });
  if (!result.success) throw new ValidationError(formatIssues(result.error.issues).trim());
  return result.data;
}

/** The bucket that keeps a chart readable: minutes up to 6 h, hours up to 14 days, then days. */
export function autoUnit(spanMs: number): BucketUnit {
  if (spanMs <= 6 * 3_600_000) return "minute";
  if (spanMs <= 14 * 86_400_000) return "hour";
  return "day";
}

/** The concrete [from, to) of a preset, ending now; `all` starts at the first sample. */
export function resolveRange(
  params: SeriesParams,
  now: Date,
  firstSampleAt: Date | null,
): { from: Date; to: Date } {
  if (params.range === "custom") return { from: params.from!, to: params.to! };
  if (params.range === "all")
    return { from: firstSampleAt ?? new Date(now.getTime() - rangePresets["24h"]), to: now };
  return { from: new Date(now.getTime() - rangePresets[params.range]), to: now };
}
