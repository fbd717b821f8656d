// After a founder's write, /status must show it at once, in this web process before the answer
// returns: rebuild the snapshot (a refresh waits for any rebuild already under way, which may have
// read before the write, then reads after it). The rebuild tells the front server, which drops
// its copies made before it; other web processes hear of the write from PostgreSQL
// (lib/status/status-changes.ts).
import { statusSnapshotCache } from "@/lib/status/snapshot-cache";

export async function refreshStatusPage(): Promise<void> {
  await statusSnapshotCache().refresh();
}
