// Cross-site refusal for the founders' state-changing routes. A browser names the page that sent
// a POST/PATCH/DELETE in `Origin` (and, on every request, says in `Sec-Fetch-Site` whether it came
// from the same origin, a sibling on the same site, or another site). Only Liftoff's own origins
// may change anything; a sibling subdomain is as foreign as any other site. A request with neither
// header did not come from a browser page (curl, a script holding the cookie): it is let through,
// since cross-site forgery needs a browser, and browsers send Origin on every such request.
import { CrossSiteError } from "@/lib/errors";
import { type Env, env, publicBaseUrl, publicPort } from "@/lib/env";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Liftoff's own origins: LIFTOFF_BASE_URL (else http://localhost:$PORT), and the loopback
 * addresses on the public port, which only Liftoff itself serves. better-auth trusts the same.
 */
export function liftoffOrigins(settings: Env = env()): string[] {
  const port = publicPort(settings);
  const own = new URL(publicBaseUrl(settings)).origin;
  return [...new Set([own, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
}

/** Throws a 403 CrossSiteError unless `request` is safe or came from one of `origins`. */
export function checkSameOrigin(request: Request, origins: readonly string[] = liftoffOrigins()) {
  if (safeMethods.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin) {
    if (origins.includes(normaliseOrigin(origin))) return;
    throw new CrossSiteError(
      `Refused: this request came from ${origin === "null" ? "an opaque origin" : origin}, not from Liftoff (${origins[0]}). Founders' actions are taken from Liftoff's own pages only.`,
    );
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") {
    throw new CrossSiteError(
      `Refused: the browser says this request came from another site (Sec-Fetch-Site: ${site}). Founders' actions are taken from Liftoff's own pages only.`,
    );
  }
}

function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
