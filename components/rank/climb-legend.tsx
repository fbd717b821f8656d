"use client";
// The climb chart's legend: one entry per site (one source is drawn at a time). The service's
// entry is strong; each competitor's is a switch that hides or shows its line.
import type { CSSProperties } from "react";
import type { ClimbLine } from "./climb-chart-data";

export type ClimbLegendProps = {
  lines: ClimbLine[];
  hidden: string[];
  onToggle: (domain: string, shown: boolean) => void;
};

function swatchClass(line: ClimbLine): string {
  const onlyBuckets =
    line.points.every((point) => point.kind !== "exact") &&
    line.points.some((point) => point.kind === "bucket");
  const site = line.isService ? "rank-swatch--service" : "rank-swatch--competitor";
  return `rank-swatch rank-swatch--${onlyBuckets ? "band" : "line"} ${site}`;
}

function Swatch({ line }: { line: ClimbLine }) {
  return (
    <span
      className={swatchClass(line)}
      style={{ "--swatch": line.color } as CSSProperties}
      aria-hidden="true"
    />
  );
}

function unranked(line: ClimbLine) {
  return line.points.every((point) => point.kind === "unranked") ? (
    <span className="muted"> (unranked)</span>
  ) : null;
}

export function ClimbLegend({ lines, hidden, onToggle }: ClimbLegendProps) {
  return (
    <ul className="rank-legend" aria-label="Sites" data-testid="rank-legend">
      {lines.map((line) =>
        line.isService ? (
          <li key={line.key} className="rank-legend__item rank-legend__item--service">
            <Swatch line={line} />
            {line.label}
            {unranked(line)}
          </li>
        ) : (
          <li key={line.key} className="rank-legend__item">
            <label className="rank-legend__switch">
              <input
                type="checkbox"
                checked={!hidden.includes(line.domain)}
                onChange={(event) => onToggle(line.domain, event.target.checked)}
              />
              <Swatch line={line} />
              {line.label}
              {unranked(line)}
            </label>
          </li>
        ),
      )}
    </ul>
  );
}
