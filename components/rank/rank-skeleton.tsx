// The Rank page's shape while its first answer is on the way.
import { Card } from "@/components/ui/card";
import { Skeleton, StatCardSkeleton } from "@/components/ui/skeleton";

export function RankSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <header className="page-header">
        <div className="page-header__text">
          <Skeleton width="6rem" height="0.8rem" />
          <Skeleton width="14rem" height="2rem" className="skeleton--gap" />
        </div>
      </header>
      <Skeleton width="16rem" height="2.4rem" className="rank-skeleton__toolbar" />
      <div className="stack">
        <div className="grid grid--stats">
          {[0, 1, 2].map((card) => (
            <StatCardSkeleton key={card} />
          ))}
        </div>
        <Card title="Global rank">
          <Skeleton height={340} />
        </Card>
        <div className="grid grid--halves">
          {[0, 1].map((card) => (
            <div key={card} className="card">
              <Skeleton width="40%" height="0.9rem" />
              {[0, 1, 2].map((row) => (
                <Skeleton key={row} height="1.6rem" className="skeleton--gap" />
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
