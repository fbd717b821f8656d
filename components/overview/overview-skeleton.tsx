// The Overview's shape while its first answer is on the way.
import { Card } from "@/components/ui/card";
import { Skeleton, StatCardSkeleton } from "@/components/ui/skeleton";

function ListSkeleton() {
  return (
    <div className="card" aria-busy="true" aria-label="Loading">
      <Skeleton width="40%" height="0.9rem" />
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height="1.6rem" className="skeleton--gap" />
      ))}
    </div>
  );
}

export function OverviewSkeleton() {
  return (
    <div aria-busy="true">
      <header className="page-header">
        <div className="page-header__text">
          <Skeleton width="6rem" height="0.8rem" />
          <Skeleton width="14rem" height="2rem" className="skeleton--gap" />
        </div>
      </header>
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
