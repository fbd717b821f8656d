import { PageHeaderSkeleton, StatCardSkeleton } from "@/components/ui/skeleton";

export default function DashboardLoading() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <PageHeaderSkeleton />
      <div className="grid grid--stats">
        {[0, 1, 2, 3].map((card) => (
          <StatCardSkeleton key={card} />
        ))}
      </div>
    </div>
  );
}
