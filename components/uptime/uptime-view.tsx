"use client";
// The Uptime page: every monitor's status, uptime, latency with outages shaded and recent
// failures; the outages of the range; and the founders' controls of the public status page.
// One query per range, refreshed every 30 s.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorNotice } from "@/components/ui/error-notice";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Segmented } from "@/components/ui/segmented";
import { uptimeQuery, uptimeRangeOptions } from "@/lib/api-client/uptime";
import type { UptimeRange } from "@/lib/uptime/queries/uptime-page-types";
import { MonitorCard } from "./monitor-card";
import { OutagesTable } from "./outages-table";
import { StatusControl } from "./status-control";
import { UptimeSkeleton } from "./uptime-skeleton";
import { useUptimeRange } from "./use-uptime-range";
import "@/components/overview/overview.css";
import "@/components/growth/growth.css";
import "./uptime.css";

const rangeWords: Record<UptimeRange, string> = {
  "24h": "in the last 24 h",
  "7d": "in the last 7 d",
  "30d": "in the last 30 d",
  "90d": "in the last 90 d",
};

export function UptimeView() {
  const { range, update } = useUptimeRange();
  const query = useQuery({ ...uptimeQuery(range), placeholderData: keepPreviousData });
  const { data, error } = query;

  if (query.isPending) return <UptimeSkeleton />;
  if (!data) {
    return (
      <>
        <PageHeader eyebrow="Uptime" title="Uptime" />
        <ErrorNotice what="the monitors" error={error} />
        <StatusControl />
      </>
    );
  }

  const stale = query.isError;
  const busy = query.isPlaceholderData;
  const down = data.monitors.filter((m) => m.status === "down").length;
  const rangeText = rangeWords[range];

  return (
    <>
      <PageHeader
        eyebrow="Uptime"
        title="Monitors and outages"
        description={
          data.monitors.length
            ? `${data.monitors.length} monitor${data.monitors.length === 1 ? "" : "s"}${down ? `, ${down} down now` : ", none down now"}`
            : undefined
        }
        actions={
          <p className={`live${stale ? " live--stale" : ""}`} aria-live="polite">
            <span
              className={`live__dot${query.isFetching ? " live__dot--fetching" : ""}`}
              aria-hidden="true"
            />
            <span>
              {stale ? "Refresh failed; showing data from" : "Live · updated"}{" "}
              <RelativeTime iso={data.generatedAt} fallbackNow={data.generatedAt} />
            </span>
          </p>
        }
      />
      <div className="growth-toolbar">
        <Segmented
          label="Range"
          className="segmented uptime-range"
          options={uptimeRangeOptions}
          isPressed={(value) => value === range}
          onChoose={update}
        />
      </div>
      <div className="stack">
        <div className={`stack${busy ? " growth--busy" : ""}`} aria-busy={busy}>
          {data.monitors.length ? (
            <div className="grid grid--halves">
              {data.monitors.map((monitor) => (
                <MonitorCard key={monitor.key} monitor={monitor} data={data} />
              ))}
            </div>
          ) : (
            <Card>
              <EmptyState title="No monitors configured">
                Add endpoints under <code>monitors</code> in liftoff.config.yaml (HTTP, TCP or TLS).
                The check-monitors job probes each on its interval, and this page fills with their
                uptime, latency and outages.
              </EmptyState>
            </Card>
          )}
          <OutagesTable data={data} rangeText={rangeText} />
        </div>
        <StatusControl />
      </div>
    </>
  );
}
