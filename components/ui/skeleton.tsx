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

/** A page header's placeholder: the eyebrow and the title. */
export function PageHeaderSkeleton() {
  return (
    <header className="page-header">
      <div className="page-header__text">
        <Skeleton width="6rem" height="0.8rem" />
        <Skeleton width="14rem" height="2rem" className="skeleton--gap" />
      </div>
    </header>
  );
}

/** A list card's placeholder: a title and three rows. */
export function ListSkeleton() {
  return (
    <div className="card" aria-busy="true" aria-label="Loading">
      <Skeleton width="40%" height="0.9rem" />
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height="1.6rem" className="skeleton--gap" />
      ))}
    </div>
  );
}
