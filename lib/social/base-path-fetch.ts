// A fetch for a client that resolves its absolute paths ("/xrpc/...") against the host of its
// base URL alone, as @atproto/api does: a request to the base URL's origin gets the base URL's
// path put back in front of its own, so a server behind a proxy at
// https://proxy.example/social/bluesky is reached at .../social/bluesky/xrpc/... Every request
// also carries `signal` (the caller's timeout or shutdown).
export function fetchUnderBasePath(baseUrl: string, signal: AbortSignal): typeof fetch {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, "");
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (prefix && url.origin === base.origin && !url.pathname.startsWith(`${prefix}/`)) {
      url.pathname = `${prefix}${url.pathname}`;
    }
    const body = request.body ? await request.arrayBuffer() : undefined;
    return fetch(url, {
      method: request.method,
      headers: request.headers,
      body,
      redirect: request.redirect,
      signal: AbortSignal.any([request.signal, signal]),
    });
  };
}
