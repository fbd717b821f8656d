// `npm run jobs -- import-ranks <file>`: a rank history file stored whole or not at all, recorded
// as a JobRun like any other run, then the milestone rules evaluated on what is now stored.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseRankHistory, type RankHistoryOptions } from "@/lib/rank/import/parse-rank-history";
import { recordRankReadings } from "@/lib/rank/record-ranks";
import { countMilestones } from "./count-milestones";
import type { Job } from "./types";

export function importRanks(file: string, options: RankHistoryOptions = {}): Job<"import-ranks"> {
  return {
    name: "import-ranks",
    async run(context) {
      const { runId, db, count } = context;
      const text = await readFile(file, "utf8");
      const batches = parseRankHistory(path.basename(file), text, options);
      // One transaction: a batch refused after another was written takes that one back too.
      await db.$transaction(
        async (tx) => {
          for (const batch of batches) {
            const result = await recordRankReadings(tx, batch.source, batch.readings, {
              jobRunId: runId,
            });
            count("samples", result.inserted);
            count("updated", result.updated);
            count("unchanged", result.unchanged);
          }
        },
        { timeout: 120_000 },
      );
      await countMilestones(context);
    },
  };
}
