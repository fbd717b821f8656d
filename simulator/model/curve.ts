export type ControlPoint = readonly [x: number, y: number];

/**
 * Piecewise interpolation, linear in log(1 + y): growth and rank climbs look like straight lines
 * on a log axis, and the result stays monotonic between monotonic points. Flat outside the points.
 */
export function interpolateLog(points: readonly ControlPoint[], x: number): number {
  const first = points[0];
  if (!first) throw new Error("interpolateLog needs at least one point");
  if (x <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (x <= x1) {
      const [x0, y0] = points[i - 1]!;
      const share = (x - x0) / (x1 - x0);
      return Math.expm1(Math.log1p(y0) + share * (Math.log1p(y1) - Math.log1p(y0)));
    }
  }
  return points[points.length - 1]![1];
}
