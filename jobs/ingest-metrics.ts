import { fetchJsonMetric } from "@/lib/growth/sources/http-json";
import { recordMetricSample } from "@/lib/growth/record-sample";
import type { Job } from "./types";
import { runEach } from "./run-each";

export const ingestMetrics: Job = {
  name: "ingest-metrics",
  async run({ db, config, signal, count }) {
    await runEach(
      config.sources.metrics,
      (source) => source.metric,
      count,
      signal,
      async (source) => {
        const value = await fetchJsonMetric(source, signal);
        if (await recordMetricSample(db, source.metric, new Date(), value)) count("samples");
      },
    );
  },
};
