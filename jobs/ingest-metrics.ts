import { readMetric } from "@/lib/growth/sources";
import { recordMetricSamples } from "@/lib/growth/record-samples";
import { ingestThenCount } from "./count-milestones";
import type { Job } from "./types";
import { runEach } from "./run-each";

export const ingestMetrics: Job = {
  name: "ingest-metrics",
  async run(context) {
    const { db, config, signal, count, warn } = context;
    await ingestThenCount(context, () =>
      runEach(
        config.sources.metrics,
        (source) => `metric ${source.metric}`,
        context,
        async (source) => {
          const reading = await readMetric(source, signal);
          const metric = { key: source.metric, kind: source.type };
          const result = await recordMetricSamples(db, metric, [
            { at: reading.at ?? new Date(), ...reading },
          ]);
          count("samples", result.accepted);
          count("duplicates", result.duplicates);
          // A counter that went down is stored as a reset; the run says so and goes on.
          for (const warning of result.warnings) warn(warning);
          if (result.rejected.length > 0) {
            throw new Error(
              `metric ${source.metric}: reading refused: ${result.rejected.map((r) => r.reason).join("; ")}`,
            );
          }
        },
      ),
    );
  },
};
