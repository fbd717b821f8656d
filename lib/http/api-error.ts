// The one place errors become HTTP answers: { "error": { "code", "message" } }. Validation is
// 422, not found 404, unauthorised 401, cross-site 403, too large 413; anything else is an opaque
// 500 that leaks nothing.
import { LiftoffError } from "@/lib/errors";
import { log } from "@/lib/log";

export function errorResponse(error: unknown): Response {
  if (error instanceof LiftoffError && error.status < 500) {
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: error.status },
    );
  }
  log.error({ error: error instanceof Error ? error.stack : String(error) }, "request failed");
  return Response.json(
    { error: { code: "internal_error", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

/** Wraps a route handler so every thrown error goes through errorResponse. */
export function withErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
