// The browser's way to the dashboard's JSON routes. A 401 means the session ended: the browser
// goes to the sign-in page and comes back here afterwards.

/** An answer from our API that was not 2xx, with the `{ error: { code, message } }` it carried. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let redirecting = false;

function redirectToSignIn(): void {
  if (typeof window === "undefined" || redirecting) return;
  // Already there (a refetch that was in flight while signing out).
  if (window.location.pathname.startsWith("/sign-in")) return;
  redirecting = true;
  const here = `${window.location.pathname}${window.location.search}`;
  // A query function runs outside React, so no router here; a full page load also drops every
  // cached dashboard answer along with the session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof body.error?.code === "string" ? body.error.code : "http_error";
    const message =
      typeof body.error?.message === "string" ? body.error.message : response.statusText;
    return new ApiError(response.status, code, message || `HTTP ${response.status}`);
  } catch {
    return new ApiError(response.status, "http_error", `HTTP ${response.status}`);
  }
}

export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    signal,
    headers: { accept: "application/json" },
    credentials: "same-origin",
    cache: "no-store",
  });
  if (response.status === 401) {
    redirectToSignIn();
    throw new ApiError(401, "unauthorized", "Your session has ended; sign in again.");
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

/** Retry network and server errors a couple of times; a 4xx will not get better by retrying. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}
