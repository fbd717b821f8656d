// What every fetched metric source does before parsing: ask with its Accept type and optional
// bearer token, within its time and size limits, and refuse any status but 200 (a 429 saying
// until when the source is rate-limited: the next scheduled run is the retry).
import { readSecret } from "@/lib/env";
import { fetchSource, type SourceResponse, statusError } from "@/lib/http/fetch-source";

type Fetched = { metric: string; url: string; timeout: number; tokenEnv?: string };

export async function fetchMetricPage(
  config: Fetched,
  accept: string,
  signal?: AbortSignal,
  maxBytes = 5 * 1024 * 1024,
): Promise<SourceResponse & { source: string }> {
  const source = `metric ${config.metric}`;
  const headers: Record<string, string> = { accept };
  if (config.tokenEnv) headers.authorization = `Bearer ${readSecret(config.tokenEnv)}`;
  const response = await fetchSource(config.url, {
    source,
    timeoutMs: config.timeout,
    headers,
    signal,
    maxBytes,
  });
  const refused = statusError(response, source, config.url);
  if (refused) throw refused;
  return { ...response, source };
}
