// Validators of a snapshot. `snapshotEtag` covers everything a body may show (ETag / 304);
// `statusEtag` covers only what a status change changes (components' statuses, incidents,
// maintenance, the indicator), not the figures that move with every check (the last hour, the
// response times, today's bars): the front drops its copies when the latter changes.
import { createHash } from "node:crypto";
import type { StatusSnapshot } from "./status-types";

const tag = (value: unknown) =>
  `"${createHash("sha256").update(JSON.stringify(value)).digest("base64url").slice(0, 32)}"`;

/**
 * A strong validator of the snapshot's content. `generatedAt` is left out: a rebuild that finds
 * nothing new keeps the ETag, and every body served from a snapshot leaves it out too.
 */
export function snapshotEtag(snapshot: StatusSnapshot): string {
  return tag({ ...snapshot, generatedAt: null });
}

/** What the page says about the status, without the figures that move with every check. */
export function statusEtag(snapshot: StatusSnapshot): string {
  const { page, status, incidents, maintenances } = snapshot;
  const components = snapshot.components.map(({ days: _d, uptime90d: _u, ...rest }) => rest);
  return tag({ page, status, components, incidents, maintenances });
}
