// What every fetched metric source does before parsing: ask with its Accept type and optional
// bearer token, within its time and size limits, and refuse any status but 200.
import { readSecret } from "@/lib/env";
import { SourceError } from "@/lib/errors";
import { fetchSource, type SourceResponse } from "@/lib/http/fetch-source";

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
  if (response.status !== 200)
    throw new SourceError("http", source, `${config.url} answered HTTP ${response.status}`);
  return { ...response, source };
}
