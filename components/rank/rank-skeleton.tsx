// The Rank page's shape while its first answer is on the way.
import { Card } from "@/components/ui/card";
import {
  ListSkeleton,
  PageHeaderSkeleton,
  Skeleton,
  StatCardSkeleton,
} from "@/components/ui/skeleton";

export function RankSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <PageHeaderSkeleton />
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
          <ListSkeleton />
          <ListSkeleton />
        </div>
      </div>
    </div>
  );
}
