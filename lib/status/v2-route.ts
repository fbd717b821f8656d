// The one way /api/v2/*.json answers: JSON from the in-memory snapshot (never a query), cacheable
// by shared caches within the status page's one freshness budget (freshness.ts), an ETag with
// 304 on If-None-Match, open to every origin (CORS), and headers saying how old the snapshot is
// and whether it is stale (older than the budget, or the database was unreachable at the last
// rebuild).
import { withErrors } from "@/lib/http/api-error";
import { statusCacheControl, withinBudget } from "./freshness";
import { getServedSnapshot } from "./snapshot-cache";
import type { ServedSnapshot, StatusSnapshot } from "./status-types";

const corsHeaders = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, X-Liftoff-Snapshot-Age, X-Liftoff-Snapshot-Stale",
};

/** Whether an If-None-Match header names this ETag (or is "*"); weak forms match too. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

function snapshotHeaders(served: ServedSnapshot, contentType: string): Headers {
  return new Headers({
    ...corsHeaders,
    "content-type": contentType,
    "cache-control": statusCacheControl,
    etag: served.etag,
    "x-liftoff-snapshot-age": String(Math.floor(served.ageMs / 1000)),
    "x-liftoff-snapshot-stale": String(served.stale || !withinBudget(served.ageMs)),
  });
}

/** Each document's body for the snapshot it was last made from: rendered once per snapshot. */
const rendered = new WeakMap<object, { etag: string; body: string | null }>();

function renderOnce(
  served: ServedSnapshot,
  render: (snapshot: StatusSnapshot) => string | null,
): string | null {
  const last = rendered.get(render);
  if (last?.etag === served.etag) return last.body;
  const body = render(served.snapshot);
  rendered.set(render, { etag: served.etag, body });
  return body;
}

/** A document made from the snapshot (a feed, a badge); a 404 when `render` finds nothing. */
export function snapshotDocument(
  request: Request,
  served: ServedSnapshot,
  contentType: string,
  render: (snapshot: StatusSnapshot) => string | null,
): Response {
  const headers = snapshotHeaders(served, contentType);
  if (etagMatches(request.headers.get("if-none-match"), served.etag)) {
    return new Response(null, { status: 304, headers });
  }
  // Renderers that close over a request's values (a component's key) are new each time and
  // are simply rendered; the endpoints' own renderers are rendered once per snapshot.
  const body = renderOnce(served, render);
  if (body === null) {
    return Response.json(
      { error: { code: "not_found", message: "No such component on this status page." } },
      { status: 404, headers: { "access-control-allow-origin": "*" } },
    );
  }
  return new Response(body, { headers });
}

export function snapshotResponse(
  request: Request,
  served: ServedSnapshot,
  body: (snapshot: StatusSnapshot) => unknown,
): Response {
  return snapshotDocument(request, served, "application/json", jsonRenderer(body));
}

const jsonRenderers = new WeakMap<object, (snapshot: StatusSnapshot) => string>();

/** One JSON renderer per body function, so its text is made once per snapshot. */
function jsonRenderer(body: (snapshot: StatusSnapshot) => unknown) {
  let renderer = jsonRenderers.get(body);
  if (!renderer) {
    renderer = (snapshot) => JSON.stringify(body(snapshot));
    jsonRenderers.set(body, renderer);
  }
  return renderer;
}

/** The route handlers of one endpoint: GET from the snapshot, and OPTIONS for CORS preflight. */
export function statusJsonRoute(body: (snapshot: StatusSnapshot) => unknown) {
  return {
    GET: withErrors(async (request: Request) =>
      snapshotResponse(request, await getServedSnapshot(), body),
    ),
    OPTIONS: async () =>
      new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders,
          "access-control-allow-methods": "GET, HEAD, OPTIONS",
          "access-control-allow-headers": "If-None-Match, Content-Type",
          "access-control-max-age": "86400",
        },
      }),
  };
}
