// After a founder's write, /status must show it at once: rebuild the snapshot (a refresh waits for
// any rebuild already under way, which may have read before the write, then reads after it), drop
// the cached /status page so the next visitor gets one rendered from the new snapshot, and drop
// the web server's stored public responses, which were made from the old one.
// Called from route handlers only: revalidatePath needs Next's request context.
import { revalidatePath } from "next/cache";
import { clearPublicResponses } from "@/lib/http/public-cache-bus";
import { statusSnapshotCache } from "@/lib/status/snapshot-cache";

export async function refreshStatusPage(): Promise<void> {
  await statusSnapshotCache().refresh();
  revalidatePath("/status");
  clearPublicResponses();
}
