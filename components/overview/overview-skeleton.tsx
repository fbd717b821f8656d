// The Overview's shape while its first answer is on the way.
import { Card } from "@/components/ui/card";
import {
  ListSkeleton,
  PageHeaderSkeleton,
  Skeleton,
  StatCardSkeleton,
} from "@/components/ui/skeleton";

export function OverviewSkeleton() {
  return (
    <div aria-busy="true">
      <PageHeaderSkeleton />
      <Skeleton height="2.2rem" className="freshness-skeleton" />
      <div className="stack">
        <div className="grid grid--stats">
          {[0, 1, 2, 3].map((card) => (
            <StatCardSkeleton key={card} />
          ))}
        </div>
        <Card title="Users, last 24 h">
          <Skeleton height={220} />
        </Card>
        <div className="grid grid--halves">
          <ListSkeleton />
          <ListSkeleton />
        </div>
      </div>
    </div>
  );
}
