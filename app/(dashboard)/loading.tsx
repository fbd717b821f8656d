import { Skeleton, StatCardSkeleton } from "@/components/ui/skeleton";

export default function DashboardLoading() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <header className="page-header">
        <div className="page-header__text">
          <Skeleton width="6rem" height="0.8rem" />
          <Skeleton width="14rem" height="2rem" className="skeleton--gap" />
        </div>
      </header>
      <div className="grid grid--stats">
        {[0, 1, 2, 3].map((card) => (
          <StatCardSkeleton key={card} />
        ))}
      </div>
    </div>
  );
}
