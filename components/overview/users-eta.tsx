"use client";
// The users total's next milestone on the Overview, from the growth summary with its own query.
// Shows nothing until the summary answers, and nothing when it is missing or cannot project.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { LocalDateTime } from "@/components/ui/relative-time";
import { formatCount } from "@/lib/api-client/format";
import { growthSummaryQuery } from "@/lib/api-client/growth";

export function UsersEta({ metric }: { metric: string }) {
  const { data } = useQuery({
    ...growthSummaryQuery({ metric, range: "24h", from: null, to: null, tz: null }),
    select: (summary) => summary.eta,
  });
  if (!data) return null;
  return (
    <p className="stat-card__caption" data-testid="overview-eta">
      <Link href={`/growth?metric=${encodeURIComponent(metric)}`}>
        {formatCount(data.target)} users
      </Link>{" "}
      ≈ <LocalDateTime iso={data.at} />
    </p>
  );
}
