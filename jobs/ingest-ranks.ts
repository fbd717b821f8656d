import { recordRankReadings } from "@/lib/rank/record-ranks";
import type { RankReading } from "@/lib/rank/rank-types";
import { readRankSource } from "@/lib/rank/sources";
import { PartialReadError } from "@/lib/rank/sources/partial-read";
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
          const record = async (readings: RankReading[]) => {
            const result = await recordRankReadings(db, source.key, readings, { jobRunId: runId });
            count("samples", result.inserted);
            count("updated", result.updated);
            count("unchanged", result.unchanged);
          };
          const readings = await readRankSource(source, {
            domains,
            signal,
            deadline,
            now: new Date(),
            // What each source read is routine: at debug, so a healthy run leaves the terminal quiet.
            note: (message) => log.debug({ source: source.key }, message),
          }).catch(async (error: unknown) => {
            // A source that failed part-way stores what it read before; its error still stands.
            if (error instanceof PartialReadError) await record(error.readings);
            throw error;
          });
          await record(readings);
        },
      ),
    );
  },
};
