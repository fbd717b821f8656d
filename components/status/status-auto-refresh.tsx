"use client";
// Keeps an open status page current: re-renders it from the server's snapshot every half minute
// while the tab is visible, and at once when the tab comes back. Without JavaScript the page is
// simply as fresh as its last load.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function StatusAutoRefresh({ everyMs = 30_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refresh, everyMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router, everyMs]);
  return null;
}
