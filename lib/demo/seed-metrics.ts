// The metric samples a week of ingest-metrics would have stored: at each run, each metric source
// the simulator serves is answered by it in-process and read by the source's own parser, then the
// whole series goes through recordMetricSamples (counter resets, increases, rollups), so the
// stored shape is ingestion's. Runs whose source was down in an outage store nothing for it.
// The last hour keeps every run; older ones one a minute, then one every 5 and 15 minutes.
// The week is written as one batch per metric with ingestion's own pieces: findCounterResets for
// each sample's reset and reason, the reset-aware increase by the same rule as updateIncreases
// (a reset's increase is its value, the first sample's 0, else the difference), and
// refreshDerived for the rollups. recordMetricSamples itself recomputes increases with a join
// that grows with the square of a batch (7 s for 2,000 samples), fine for a scrape, not a week.
import type { LoadedConfig } from "@/lib/config";
import type { MetricSourceConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { SourceError } from "@/lib/errors";
import { findCounterResets, type TimelineSample } from "@/lib/growth/counter-resets";
import { refreshDerived } from "@/lib/growth/record-samples";
import type { SampleInput } from "@/lib/growth/sample-types";
import { parseHtmlMetric } from "@/lib/growth/sources/html";
import { parseJsonMetric } from "@/lib/growth/sources/http-json";
import { parsePrometheusMetric } from "@/lib/growth/sources/prometheus";
import { bodyText, type DemoSimulator } from "./demo-simulator";

type FetchedSource = Exclude<MetricSourceConfig, { kind: "sql" }>;

const HOUR_MS = 3_600_000;

/** The metric sources a demo can answer: fetched ones whose URL is the simulator's. */
export function simulatedMetricSources(config: LoadedConfig, sim: DemoSimulator): FetchedSource[] {
  return config.sources.metrics.filter(
    (source): source is FetchedSource => source.kind !== "sql" && sim.serves(source.url),
  );
}

/** What a run at `t` read from the source, as ingest-metrics reads it; a SourceError if it failed. */
function readSimulated(
  sim: DemoSimulator,
  source: FetchedSource,
  t: Date,
): Omit<SampleInput, "at"> {
  const name = `metric ${source.metric}`;
  const { answer } = sim.ask(source.url, t);
  if (answer.status !== 200) {
    throw new SourceError("http", name, `${source.url} answered HTTP ${answer.status}`);
  }
  const body = bodyText({ answer, delayMs: 0 });
  switch (source.kind) {
    case "http-json":
      return { value: parseJsonMetric(body, source.path, name) };
    case "prometheus": {
      const { value, startedAt } = parsePrometheusMetric(body, source);
      return startedAt ? { value, startedAt } : { value };
    }
    case "html":
      return { value: parseHtmlMetric(body, source) };
  }
}

/** The error messages of an ingest-metrics run at `t` (none when every source answered). */
export function metricRunErrors(sim: DemoSimulator, sources: FetchedSource[], t: Date): string[] {
  return sources
    .filter((source) => sim.fails(source.url, t))
    .map((source) => {
      const { answer } = sim.ask(source.url, t);
      return `metric ${source.metric}: ${source.url} answered HTTP ${answer.status}`;
    });
}

/** How far apart kept runs are, by age: every run for the last hour, then thinner. */
const grains: [maxAgeMs: number, grainMs: number][] = [
  [HOUR_MS, 0],
  [12 * HOUR_MS, 60_000],
  [48 * HOUR_MS, 300_000],
  [Infinity, 900_000],
];

/** Whether a run at `t` is kept in the seed: the first run of its grain. */
function keptRun(t: Date, previous: Date | undefined, now: Date): boolean {
  const age = now.getTime() - t.getTime();
  const grain = grains.find(([maxAge]) => age <= maxAge)![1];
  if (grain === 0 || previous === undefined) return true;
  return Math.floor(t.getTime() / grain) !== Math.floor(previous.getTime() / grain);
}

/** The run moments whose samples are seeded: the launch itself, then the kept ticks. */
export function sampledMoments(launchAt: Date, ticks: Date[], now: Date): Date[] {
  const moments = [launchAt];
  ticks.forEach((t, i) => {
    if (t > launchAt && keptRun(t, ticks[i - 1], now)) moments.push(t);
  });
  return moments;
}

/** Stores one metric's whole series, oldest first, into an empty series. */
async function storeSeries(
  db: Database,
  metric: { key: string; kind: "counter" | "gauge" },
  samples: SampleInput[],
): Promise<number> {
  const timeline: TimelineSample[] = samples.map((input, index) => ({
    index,
    input,
    reason: null,
  }));
  const { processStartedAt } =
    metric.kind === "counter"
      ? findCounterResets(metric.key, timeline, [], null)
      : { processStartedAt: null };
  const increases = timeline.map(({ input, reason }, i) =>
    metric.kind !== "counter" || i === 0
      ? 0
      : reason !== null
        ? input.value
        : input.value - timeline[i - 1]!.input.value,
  );
  const [row] = await db.$queryRaw<
    { id: number }[]
  >`SELECT id FROM metric WHERE key = ${metric.key}`;
  if (!row)
    throw new Error(`metric ${metric.key}: not in the database (is the configuration synced?)`);
  const inserted = await db.$executeRaw`
    INSERT INTO metric_sample (metric_id, at, value, reset, reset_reason, increase)
    SELECT ${row.id}, s.at, s.value, s.reason IS NOT NULL, s.reason, s.increase
    FROM unnest(${timeline.map((s) => s.input.at.toISOString())}::timestamptz[],
                ${timeline.map((s) => s.input.value)}::float8[],
                ${timeline.map((s) => s.reason)}::reset_reason[],
                ${increases}::float8[]) AS s(at, value, reason, increase)
    ON CONFLICT DO NOTHING`;
  if (processStartedAt !== null) {
    await db.$executeRaw`UPDATE metric SET process_started_at = ${processStartedAt} WHERE id = ${row.id}`;
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  // The increases are written above; "gauge" asks refreshDerived for the rollups alone.
  if (first && last) await refreshDerived(db, row.id, "gauge", first.at, last.at);
  return inserted;
}

export async function seedMetricSamples(
  db: Database,
  sim: DemoSimulator,
  sources: FetchedSource[],
  moments: Date[],
): Promise<Record<string, number>> {
  const stored: Record<string, number> = {};
  for (const source of sources) {
    const samples: SampleInput[] = [];
    for (const at of moments) {
      if (sim.fails(source.url, at)) continue;
      samples.push({ at, ...readSimulated(sim, source, at) });
    }
    stored[source.metric] = await storeSeries(
      db,
      { key: source.metric, kind: source.type },
      samples,
    );
  }
  return stored;
}
