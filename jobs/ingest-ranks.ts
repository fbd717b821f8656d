import { recordRankReadings } from "@/lib/rank/record-ranks";
import { readRankSource } from "@/lib/rank/sources";
import { ingestThenCount } from "./count-milestones";
import { runEach } from "./run-each";
import type { Job } from "./types";

export const ingestRanks: Job = {
  name: "ingest-ranks",
  async run(context) {
    const { runId, db, config, log, signal, deadline, count } = context;
    const domains = [config.service.domain, ...config.competitors.map((c) => c.domain)];
    await ingestThenCount(context, () =>
      runEach(
        config.sources.ranks,
        (source) => source.key,
        context,
        async (source) => {
          const readings = await readRankSource(source, {
            domains,
            signal,
            deadline,
            now: new Date(),
            note: (message) => log.info({ source: source.key }, message),
          });
          const result = await recordRankReadings(db, source.key, readings, { jobRunId: runId });
          count("samples", result.inserted);
          count("updated", result.updated);
          count("unchanged", result.unchanged);
        },
      ),
    );
  },
};
