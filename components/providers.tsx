"use client";
// React Query for every page: one client per browser tab.
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getBrowserQueryClient } from "@/lib/api-client/query-client";

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getBrowserQueryClient()}>{children}</QueryClientProvider>;
}
