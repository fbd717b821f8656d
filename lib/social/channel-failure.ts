// Turns what a network answered into a ChannelError, the same way for every channel: 429 is
// rate-limited, 5xx, a connection that could not be made and timeouts are transient, any other
// 4xx is permanent. An answer that cannot be read after the request went out (a body of another
// shape, a connection cut before the answer) is unconfirmed: the post may be there. Messages
// carry the channel, the HTTP status and the network's own words, never a URL, a header or a secret.
import type { z } from "zod";
import { formatIssues } from "@/lib/validation";
import { ChannelError } from "./channel-types";

const maxDetail = 200;

/** The network's own explanation, shortened to one line. */
function shorten(detail: string): string {
  const line = detail.replace(/\s+/g, " ").trim();
  return line.length > maxDetail ? `${line.slice(0, maxDetail - 3)}...` : line;
}

export function failureForStatus(
  channel: string,
  status: number,
  detail: string,
  retryAt?: Date,
): ChannelError {
  const answered = detail ? `HTTP ${status} (${shorten(detail)})` : `HTTP ${status}`;
  if (status === 429)
    return new ChannelError(channel, "rate-limited", `rate limited: ${answered}`, { retryAt });
  if (status >= 500) return new ChannelError(channel, "transient", `server error: ${answered}`);
  return new ChannelError(channel, "permanent", `refused: ${answered}`);
}

/** Codes of a connection that was never made, so the request cannot have reached the network. */
const notConnected = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * A request that got no answer: aborted by `signal` (timeout or shutdown), a connection that was
 * never made (transient), or one that broke after the request was written (unconfirmed).
 */
export function failureForRequest(
  channel: string,
  error: unknown,
  signal: AbortSignal,
): ChannelError {
  if (signal.aborted) {
    const reason = signal.reason as { name?: unknown } | undefined;
    const why = reason?.name === "TimeoutError" ? "timed out" : "was aborted";
    return new ChannelError(channel, "transient", `the request ${why} before an answer`);
  }
  const code = errorCode(error);
  if (code && notConnected.has(code)) {
    return new ChannelError(channel, "transient", `could not reach the network (${code})`);
  }
  return unconfirmed(channel, `the connection ended before an answer (${code ?? "no error code"})`);
}

/** The request went out but what came back cannot be read: the post may or may not be there. */
export function unconfirmed(channel: string, what: string): ChannelError {
  return new ChannelError(
    channel,
    "unconfirmed",
    `may or may not have been posted (check the channel before sending it again): ${what}`,
  );
}

/**
 * The first error code (ECONNREFUSED, UND_ERR_SOCKET, HPE_INVALID_CONSTANT...) along an error's
 * causes, as clients wrap it (fetch in a TypeError, xrpc in an XRPCError, happy eyeballs in an
 * AggregateError). Only the code is shown: messages can name the address, and a webhook's
 * address is its secret.
 */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== "object" || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && /^(E|UND_ERR_|HPE_)[A-Z_]+$/.test(code)) return code;
  const first = Array.isArray(errors) ? (errors as unknown[])[0] : undefined;
  return errorCode(cause, depth + 1) ?? errorCode(first, depth + 1);
}

/**
 * Reads the answer to a write with `schema`. One of another shape says nothing certain: the
 * network may have made the post and answered in a way Liftoff does not read, so it is unconfirmed.
 */
export function readAnswer<T>(channel: string, schema: z.ZodType<T>, answer: unknown): T {
  const result = schema.safeParse(answer, { reportInput: true });
  if (result.success) return result.data;
  throw unconfirmed(channel, `unexpected answer:\n${formatIssues(result.error.issues, "answer.")}`);
}

/** A reset time given as epoch seconds ("1717171717"), as X and Bluesky send it. */
export function resetFromEpochSeconds(value: string | null | undefined): Date | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return new Date(Number(value.trim()) * 1000);
}

/** A reset time given as an ISO 8601 date, as Mastodon sends X-RateLimit-Reset. */
export function resetFromIso(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Retry-After: seconds from now, or an HTTP date (Slack and Discord webhooks). */
export function resetFromRetryAfter(
  value: string | null | undefined,
  now = new Date(),
): Date | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim()))
    return new Date(now.getTime() + Math.ceil(Number(value) * 1000));
  return resetFromIso(value);
}
