"use client";
// "3 min ago" that stays true: ticks with the clock, and shows the exact time on hover.
import { useIsClient, useNow } from "@/components/hooks/use-now";
import { formatDateTime, formatRelativeTime } from "@/lib/api-client/format";

export type RelativeTimeProps = {
  iso: string;
  /** The moment the data was read; stands in for "now" until the browser has hydrated. */
  fallbackNow: string;
  className?: string;
};

export function RelativeTime({ iso, fallbackNow, className }: RelativeTimeProps) {
  const now = useNow();
  const reference = now ?? Date.parse(fallbackNow);
  // Until hydration the exact time is given in UTC, afterwards in the viewer's own time zone.
  const exact = now === null ? `${formatDateTime(iso, "UTC")} UTC` : formatDateTime(iso);
  return (
    <time dateTime={iso} title={exact} className={className}>
      {formatRelativeTime(iso, reference)}
    </time>
  );
}

/** An exact time in the viewer's time zone ("Mar 4, 14:05"); in UTC until hydration. */
export function LocalDateTime({ iso, className }: { iso: string; className?: string }) {
  const isClient = useIsClient();
  return (
    <time dateTime={iso} className={className}>
      {isClient ? formatDateTime(iso) : `${formatDateTime(iso, "UTC")} UTC`}
    </time>
  );
}
