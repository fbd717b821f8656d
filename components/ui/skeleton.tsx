// A shimmering placeholder the size of what is loading.
import type { CSSProperties } from "react";

export type SkeletonProps = {
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  className?: string;
};

export function Skeleton({ width = "100%", height = "1em", className }: SkeletonProps) {
  return (
    <span
      className={className ? `skeleton ${className}` : "skeleton"}
      style={{ width, height }}
      aria-hidden="true"
    />
  );
}

/** A card-shaped placeholder: a title line, a big number and a caption. */
export function StatCardSkeleton() {
  return (
    <div className="card stat-card" aria-busy="true" aria-label="Loading">
      <Skeleton width="45%" height="0.9rem" />
      <Skeleton width="70%" height="2.2rem" className="skeleton--gap" />
      <Skeleton width="55%" height="0.8rem" className="skeleton--gap" />
    </div>
  );
}
