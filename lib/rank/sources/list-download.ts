// Downloads a rank list as a stream of chunks, never whole: a million-line list is read as it
// arrives. The time limit covers the whole download, the size limit counts every byte (declared
// or not), and failures are SourceErrors (lib/http/fetch-source.ts): "http" (a status other than
// 200, a broken connection, a redirect loop), "timeout", and "parse" for an answer over the limit.
import { SourceError } from "@/lib/errors";
import { type OpenedSource, openSource, statusError } from "@/lib/http/fetch-source";
import { redactUrl } from "@/lib/http/redact-url";

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
  const { response, fail } = await openSource(url, {
    source: options.source,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    headers: { accept: options.accept ?? "*/*" },
  });
  const refused = statusError(response, options.source, url);
  if (refused) {
    await response.body?.cancel().catch(() => undefined);
    throw refused;
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SourceError(
      "parse",
      options.source,
      `${redactUrl(url)} is ${declared} bytes, over the ${options.maxBytes}-byte limit`,
    );
  }
  return { headers: response.headers, chunks: readChunks(response.body, url, options, fail) };
}

async function* readChunks(
  body: ReadableStream<Uint8Array> | null,
  url: string,
  options: ListDownloadOptions,
  fail: OpenedSource["fail"],
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
        return fail(error, "the download broke off from");
      }
      if (next.done) return;
      size += next.value.byteLength;
      if (size > options.maxBytes) {
        throw new SourceError(
          "parse",
          options.source,
          `${redactUrl(url)} is over the ${options.maxBytes}-byte limit`,
        );
      }
      yield next.value;
    }
  } finally {
    // Stops the download when the reader gave up early (a malformed line, the size limit).
    await reader.cancel().catch(() => undefined);
  }
}
