// The Uptime page's shape while its first answer is on the way.
import { Card } from "@/components/ui/card";
import { ListSkeleton, PageHeaderSkeleton, Skeleton } from "@/components/ui/skeleton";

export function UptimeSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <PageHeaderSkeleton />
      <Skeleton width="16rem" height="2.4rem" className="uptime-skeleton__toolbar" />
      <div className="stack">
        <div className="grid grid--halves">
          {[0, 1].map((card) => (
            <Card key={card}>
              <Skeleton width="50%" height="1rem" />
              <Skeleton height={200} className="skeleton--gap" />
            </Card>
          ))}
        </div>
        <ListSkeleton />
      </div>
    </div>
  );
}
