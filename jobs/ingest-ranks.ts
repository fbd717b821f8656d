import { recordRankMilestones } from "@/lib/milestones/record-rank-milestones";
import { recordRankReadings } from "@/lib/rank/record-ranks";
import { readRankSource } from "@/lib/rank/sources";
import { runEach } from "./run-each";
import type { Job } from "./types";

export const ingestRanks: Job = {
  name: "ingest-ranks",
  async run({ runId, db, config, log, signal, count }) {
    const domains = [config.service.domain, ...config.competitors.map((c) => c.domain)];
    let failure: unknown = null;
    try {
      await runEach(
        config.sources.ranks,
        (source) => source.key,
        count,
        signal,
        async (source) => {
          const readings = await readRankSource(source, {
            domains,
            signal,
            now: new Date(),
            note: (message) => log.info({ source: source.key }, message),
          });
          const result = await recordRankReadings(db, source.key, readings, { jobRunId: runId });
          count("samples", result.inserted);
          count("updated", result.updated);
          count("unchanged", result.unchanged);
        },
      );
    } catch (error) {
      failure = error;
    }
    // What the sources that answered stored still counts: milestones are read from it.
    signal.throwIfAborted();
    count("milestones", await recordRankMilestones(db, config));
    if (failure) throw failure;
  },
};
