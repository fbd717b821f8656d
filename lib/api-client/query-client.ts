// One recipe for a QueryClient, used by the browser (one client for the tab) and the server (one
// per request, see server-query-client.ts).
import { isServer, QueryClient } from "@tanstack/react-query";
import { shouldRetry } from "./fetch-json";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is fresh on arrival: no refetch straight after hydration.
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** The tab's client in the browser; a throwaway one during server rendering. */
export function getBrowserQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
