// Downloads a rank list as a stream of chunks, never whole: a million-line list is read as it
// arrives. The time limit covers the whole download, the size limit counts every byte (declared
// or not), and failures are SourceErrors: "http" (a status other than 200, a broken connection),
// "timeout", and "parse" for an answer over the size limit.
import { SourceError } from "@/lib/errors";

export type ListDownloadOptions = {
  source: string;
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
  accept?: string;
};

export type ListDownload = {
  headers: Headers;
  /** The body's chunks; ends the download when the reader stops early. */
  chunks: AsyncIterable<Uint8Array>;
};

export async function openListDownload(
  url: string,
  options: ListDownloadOptions,
): Promise<ListDownload> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  const fail = (error: unknown, doing: string): never => {
    if (error instanceof SourceError) throw error;
    if (timeout.aborted) {
      throw new SourceError(
        "timeout",
        options.source,
        `${url} was not read within ${options.timeoutMs} ms`,
        { cause: error },
      );
    }
    if (options.signal.aborted) throw options.signal.reason ?? error;
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new SourceError("http", options.source, `${doing} ${url}: ${reason}`, { cause: error });
  };

  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      headers: { accept: options.accept ?? "*/*" },
      redirect: "follow",
    });
  } catch (error) {
    return fail(error, "could not fetch");
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError("http", options.source, `${url} answered HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError(
      "parse",
      options.source,
      `${url} is ${declared} bytes, over the ${options.maxBytes}-byte limit`,
    );
  }
  return { headers: response.headers, chunks: readChunks(response.body, url, options, fail) };
}

async function* readChunks(
  body: ReadableStream<Uint8Array> | null,
  url: string,
  options: ListDownloadOptions,
  fail: (error: unknown, doing: string) => never,
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        return fail(error, "the download broke off:");
      }
      if (next.done) return;
      size += next.value.byteLength;
      if (size > options.maxBytes) {
        throw new SourceError(
          "parse",
          options.source,
          `${url} is over the ${options.maxBytes}-byte limit`,
        );
      }
      yield next.value;
    }
  } finally {
    // Stops the download when the reader gave up early (a malformed line, the size limit).
    await reader.cancel().catch(() => undefined);
  }
}
