import type { Job } from "./types";

export const ingestRanks: Job = {
  name: "ingest-ranks",
  async run() {
    throw new Error("ingest-ranks: not built yet");
  },
};
