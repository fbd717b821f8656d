import type { IncomingHttpHeaders } from "node:http";
import type { Component, Scenario } from "./scenario";
import type { Cache } from "./cache";

export interface SimRequest {
  /** Simulated time at which the request arrived. */
  t: Date;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface SimContext {
  scenario: Scenario;
  cache: Cache;
  radarToken: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface Route {
  /** An exact path, or a pattern whose named groups become params. */
  pattern: string | RegExp;
  /** A path that answers, for the endpoint list the CLI prints. */
  example: string;
  summary: string;
  /** The part of the service behind this route; its outage windows apply to the route. */
  gate?: { component: Component; unavailable: () => SimResponse };
  handle(request: SimRequest, context: SimContext): SimResponse;
}

export function respond(
  status: number,
  contentType: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { "content-type": contentType, ...headers }, body };
}

export function json(body: unknown, status = 200): SimResponse {
  return respond(status, "application/json; charset=utf-8", JSON.stringify(body));
}

export function html(body: string, status = 200): SimResponse {
  return respond(status, "text/html; charset=utf-8", body);
}

export function csv(body: string, filename: string): SimResponse {
  return respond(200, "text/csv; charset=utf-8", body, {
    "content-disposition": `attachment; filename="${filename}"`,
  });
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}

/** 1234567 → "1,234,567", the way the pages of the time printed counts and ranks. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}
