"use client";
// Keeps an open status page current. While the tab is visible it asks every few seconds whether
// the status changed (a conditional GET of /api/v2/status.json, whose body changes whenever the
// status or an incident, maintenance or component does: a 304 from the front's copy costs
// nothing) and re-renders the page from the server when it did; the figures that move with every
// check (the last hour, response times) are re-read every minute. Without JavaScript the page is
// simply as fresh as its last load.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function StatusAutoRefresh({ pollMs = 5_000, everyMs = 60_000 }) {
  const router = useRouter();
  useEffect(() => {
    let last: string | null = null;
    let refreshedAt = Date.now();
    const refresh = () => {
      refreshedAt = Date.now();
      router.refresh();
    };
    const check = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const answer = await fetch("/api/v2/status.json", { cache: "no-cache" });
        const text = answer.ok ? await answer.text() : null;
        const changed = text !== null && last !== null && text !== last;
        if (text !== null) last = text;
        if (changed || Date.now() - refreshedAt >= everyMs) refresh();
      } catch {
        // Offline for a moment: the page keeps what it shows and asks again.
      }
    };
    void check();
    const timer = setInterval(check, pollMs);
    document.addEventListener("visibilitychange", check);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [router, pollMs, everyMs]);
  return null;
}
