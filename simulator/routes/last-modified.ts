import type { SimResponse } from "../http";

/** Adds the HTTP date a list or page was published, as the real sources send it. */
export function withLastModified(response: SimResponse, published: Date): SimResponse {
  return {
    ...response,
    headers: { ...response.headers, "last-modified": published.toUTCString() },
  };
}
