// The incident history's paging: unresolved incidents always on top of every page, the resolved
// ones newest first, `perPage` at a time; page 1 on /status, the others on /status/history/N.
import type { StatusIncident } from "@/lib/status/status-types";
import { isResolved } from "@/lib/status/status-labels";

/**
 * A history page's number from its path segment (`/status/history/2`): a plain decimal from 1,
 * as the page's own links write it; anything else ("abc", "2x", "2.5", "02", "0", "-1", a
 * repeated segment, a number too long to be a page) is null.
 */
export function parsePageParam(value: string | string[] | undefined): number | null {
  return typeof value === "string" && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null;
}

/**
 * What `/status/history/<segment>` answers: one of the history's later pages; "first" for page 1,
 * which is /status itself (the route redirects there); or "missing" (a 404) for a segment that is
 * not a page number or a page past the last.
 */
export function historyPageOf(
  segment: string | string[] | undefined,
  pageCount: number,
): { page: number } | "first" | "missing" {
  const page = parsePageParam(segment);
  if (page === null || page > pageCount) return "missing";
  return page === 1 ? "first" : { page };
}

export type IncidentPage = {
  /** Still open: shown highlighted at the top, on every page. */
  unresolved: StatusIncident[];
  /** This page of the resolved ones. */
  history: StatusIncident[];
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pageCount: number;
  /** Resolved incidents on all pages. */
  total: number;
};

export function pageIncidents(
  incidents: readonly StatusIncident[],
  requestedPage: number,
  perPage: number,
): IncidentPage {
  const byNewest = [...incidents].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const unresolved = byNewest.filter((incident) => !isResolved(incident.status));
  const resolved = byNewest.filter((incident) => isResolved(incident.status));
  const size = Math.max(1, Math.floor(perPage));
  const pageCount = Math.max(1, Math.ceil(resolved.length / size));
  const page = Math.min(Math.max(1, Math.floor(requestedPage)), pageCount);
  return {
    unresolved,
    history: resolved.slice((page - 1) * size, page * size),
    page,
    pageCount,
    total: resolved.length,
  };
}

/** The link to another page of the history; the first page is the page itself. */
export function incidentPageHref(page: number): string {
  return page <= 1 ? "/status#history" : `/status/history/${page}#history`;
}
