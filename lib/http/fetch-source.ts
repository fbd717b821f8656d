// One way to fetch from an outside source: the source's own time limit (on the whole answer, body
// included), a size limit, and typed errors (SourceError kinds http/timeout/parse/empty) that name
// the source and its URL, secrets stripped (lib/http/redact-url.ts).
import { SourceError } from "@/lib/errors";
import { rateLimitOf } from "./rate-limit";
import { readLimited } from "./read-limited";
import { redactUrl } from "./redact-url";

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

/** Redirects fetch follows before it gives up (fixed by the fetch standard's implementation). */
export const maxRedirects = 20;

const defaultMaxBytes = 10 * 1024 * 1024;

/** `text` with `url` (as given, or as parsed) shown as `shown`: fetch's own messages quote it. */
function hideUrl(text: string, url: string, shown: string): string {
  let href = url;
  try {
    href = new URL(url).href;
  } catch {
    // Unparseable: only the URL as given can appear.
  }
  return text.split(url).join(shown).split(href).join(shown);
}

/** A request whose headers have arrived; `fail` turns an error while reading on into a SourceError. */
export type OpenedSource = { response: Response; fail: (error: unknown, doing: string) => never };

/** Sends the request. The time limit keeps running while the caller reads the body. */
export async function openSource(url: string, options: FetchSourceOptions): Promise<OpenedSource> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const shown = redactUrl(url);
  const fail = (error: unknown, doing: string): never => {
    if (error instanceof SourceError) throw error;
    if (timeout.aborted) {
      throw new SourceError(
        "timeout",
        options.source,
        `no answer from ${shown} within ${options.timeoutMs} ms`,
        { cause: error },
      );
    }
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.message === "redirect count exceeded") {
      throw new SourceError(
        "http",
        options.source,
        `more than ${maxRedirects} redirects from ${shown}`,
        {
          cause: error,
        },
      );
    }
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    const said = hideUrl(String(reason), url, shown);
    throw new SourceError("http", options.source, `${doing} ${shown}: ${said}`, { cause: error });
  };
  try {
    const response = await fetch(url, {
      method: options.method ?? "GET",
      headers: options.headers,
      signal,
      redirect: "follow",
    });
    return { response, fail };
  } catch (error) {
    return fail(error, "could not fetch");
  }
}

/** Fetches `url`; any status is returned (the caller decides what counts as failure). */
export async function fetchSource(
  url: string,
  options: FetchSourceOptions,
): Promise<SourceResponse> {
  const started = performance.now();
  const { response, fail } = await openSource(url, options);
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  try {
    const bytes = await readLimited(response, maxBytes, (declared) =>
      declared === null
        ? new SourceError("parse", options.source, `answer is over the ${maxBytes}-byte limit`)
        : new SourceError(
            "parse",
            options.source,
            `answer of ${declared} bytes is over the ${maxBytes}-byte limit`,
          ),
    );
    return {
      status: response.status,
      headers: response.headers,
      body: bytes.toString("utf8"),
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return fail(error, "the answer broke off from");
  }
}

/**
 * The error an answer of a status other than `expected` stands for: a RateLimitedError for 429
 * (saying until when), else "URL answered HTTP N". Null when the status is the expected one.
 */
export function statusError(
  answer: { status: number; headers: Headers },
  source: string,
  url: string,
  expected = 200,
): SourceError | null {
  if (answer.status === expected) return null;
  return (
    rateLimitOf(answer, source, url) ??
    new SourceError("http", source, `${redactUrl(url)} answered HTTP ${answer.status}`)
  );
}
