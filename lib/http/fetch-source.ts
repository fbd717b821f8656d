// One way to fetch from an outside source: a time limit, a size limit, and typed errors
// (SourceError kinds http/timeout/parse/empty) that name the source and what went wrong.
import { SourceError } from "@/lib/errors";
import { readLimited } from "./read-limited";

export type FetchSourceOptions = {
  source: string;
  timeoutMs: number;
  /** Answers larger than this are refused whole. */
  maxBytes?: number;
  headers?: Record<string, string>;
  method?: string;
  signal?: AbortSignal;
};

export type SourceResponse = { status: number; headers: Headers; body: string; latencyMs: number };

const defaultMaxBytes = 10 * 1024 * 1024;

/** Fetches `url`; any status is returned (the caller decides what counts as failure). */
export async function fetchSource(
  url: string,
  options: FetchSourceOptions,
): Promise<SourceResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: options.method ?? "GET",
      headers: options.headers,
      signal,
      redirect: "follow",
    });
    const maxBytes = options.maxBytes ?? defaultMaxBytes;
    const bytes = await readLimited(response, maxBytes, (declared) =>
      declared === null
        ? new SourceError("parse", options.source, `answer is over the ${maxBytes}-byte limit`)
        : new SourceError(
            "parse",
            options.source,
            `answer of ${declared} bytes is over the ${maxBytes}-byte limit`,
          ),
    );
    const body = bytes.toString("utf8");
    return {
      status: response.status,
      headers: response.headers,
      body,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (timeout.aborted) {
      throw new SourceError(
        "timeout",
        options.source,
        `no answer from ${url} within ${options.timeoutMs} ms`,
        { cause: error },
      );
    }
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new SourceError("http", options.source, `could not fetch ${url}: ${reason}`, {
      cause: error,
    });
  }
}
