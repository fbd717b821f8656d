// Liftoff's one error family. Routes map these in one place (lib/http/api-error.ts); jobs record
// them on their JobRun.

export abstract class LiftoffError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

export class ValidationError extends LiftoffError {
  override name = "ValidationError";
  readonly code = "validation_failed";
  readonly status = 422;
}

export class NotFoundError extends LiftoffError {
  override name = "NotFoundError";
  readonly code = "not_found";
  readonly status = 404;
}

export class UnauthorizedError extends LiftoffError {
  override name = "UnauthorizedError";
  readonly code = "unauthorized";
  readonly status = 401;
}

/** A state-changing request sent from a page that is not Liftoff's own (cross-site forgery). */
export class CrossSiteError extends LiftoffError {
  override name = "CrossSiteError";
  readonly code = "cross_site";
  readonly status = 403;
}

/** A request body or batch above the endpoint's limit. */
export class PayloadTooLargeError extends LiftoffError {
  override name = "PayloadTooLargeError";
  readonly code = "payload_too_large";
  readonly status = 413;
}

/** What went wrong with an outside source: the fetch, its time limit, or the answer itself. */
export type SourceErrorKind = "http" | "timeout" | "parse" | "empty";

export class SourceError extends LiftoffError {
  override name = "SourceError";
  readonly code: string;
  readonly status = 502;
  constructor(
    readonly kind: SourceErrorKind,
    readonly source: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${source}: ${message}`, options);
    this.code = `source_${kind}`;
  }
}

/** The configuration file is wrong; nothing may start. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
