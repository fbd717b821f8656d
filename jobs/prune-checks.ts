import { pruneNotifications } from "@/lib/alerts/prune-notifications";
import { pruneChecks } from "@/lib/uptime/prune-checks";
import type { Job } from "./types";

/** Deletes raw checks older than `checkRetention` (their rollups stay), and outbox messages done with. */
export const pruneChecksJob: Job = {
  name: "prune-checks",
  async run({ db, config, signal, count }) {
    count("checks_deleted", await pruneChecks(db, { retentionMs: config.checkRetention, signal }));
    signal.throwIfAborted();
    count("notifications_deleted", await pruneNotifications(db));
  },
};
