// The public response cache lives in the front server (bin/web-server.ts), a process apart from
// Next.js, which it starts with an IPC channel. Next.js owns the status snapshot; after every
// build it tells the front when the snapshot was read and a validator of what the page says, so
// the front ages its copies from the read and drops them when the status changed. Without a
// front (tests, `next dev`) there is no channel and nothing to tell.
import type { BuiltSnapshot } from "./response-cache";

const kind = "status-snapshot";

/** Tells the front server about a snapshot just built. */
export function announceSnapshot(built: BuiltSnapshot): void {
  if (process.send && process.connected) process.send({ liftoff: kind, ...built });
}

/** The announcement in an IPC message, or null for anything else. */
export function readSnapshotAnnouncement(message: unknown): BuiltSnapshot | null {
  const m = message as { liftoff?: unknown; statusEtag?: unknown; builtAt?: unknown } | null;
  if (typeof m !== "object" || m === null || m.liftoff !== kind) return null;
  if (typeof m.statusEtag !== "string" || typeof m.builtAt !== "number") return null;
  return { statusEtag: m.statusEtag, builtAt: m.builtAt };
}
