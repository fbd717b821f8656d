// After a founder's write, /status must show it at once. The snapshot cache's refresh() joins a
// rebuild already under way, which may have read the database before the write; a second refresh
// then starts one that surely reads after it. Founders' writes are rare, so two builds are cheap.
import { statusSnapshotCache } from "@/lib/status/snapshot-cache";

export async function refreshStatusPage(): Promise<void> {
  const cache = statusSnapshotCache();
  await cache.refresh();
  await cache.refresh();
}
