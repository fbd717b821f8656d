// The incident history's paging: unresolved incidents always on top of every page, the resolved
// ones newest first, `perPage` at a time; page 1 on /status, the others on /status/history/N.
import { z } from "zod";
import type { StatusIncident } from "@/lib/status/status-types";
import { isResolved } from "@/lib/status/status-labels";

const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/** A history page's number (`/status/history/2`): "2" → 2; missing, "0", "abc", "2.5" or a repeated key → 1. */
export function parsePageParam(value: string | string[] | undefined): number {
  return typeof value === "string" ? pageParam.parse(value) : 1;
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
