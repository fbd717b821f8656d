// One way to fetch from an outside source: a time limit, a size limit, and typed errors
// (SourceError kinds http/timeout/parse/empty) that name the source and what went wrong.
import { SourceError } from "@/lib/errors";

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
    const body = await readLimited(response, options.maxBytes ?? defaultMaxBytes, options.source);
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

async function readLimited(response: Response, maxBytes: number, source: string): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new SourceError(
      "parse",
      source,
      `answer of ${declared} bytes is over the ${maxBytes}-byte limit`,
    );
  }
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SourceError("parse", source, `answer is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
