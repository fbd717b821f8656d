"use client";
// A component's 90-day bar. Rendered on the server as a list of days, each with its description
// as a title and as text for screen readers, so it reads without JavaScript; once hydrated, a
// richer tooltip follows the pointer (or the arrow keys) and the plain titles step aside.
import { type KeyboardEvent, type PointerEvent, useState } from "react";
import { useIsClient } from "@/components/hooks/use-now";
import type { DayBar } from "./day-bars";

export type UptimeBarProps = {
  bars: DayBar[];
  /** "Website, uptime over the last 90 days". */
  label: string;
};

type Active = { index: number; x: number };

export function UptimeBar({ bars, label }: UptimeBarProps) {
  const enhanced = useIsClient();
  const [active, setActive] = useState<Active | null>(null);

  const show = (index: number, element: HTMLElement | null | undefined) => {
    if (!element) return;
    setActive({ index, x: element.offsetLeft + element.offsetWidth / 2 });
  };

  const onPointerOver = (event: PointerEvent<HTMLOListElement>) => {
    const day = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (day) show(Number(day.dataset.index), day);
  };

  // Arrow keys walk the days shown (on a phone the oldest 60 are hidden).
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const days = [...event.currentTarget.children].filter(
      (child): child is HTMLElement => child instanceof HTMLElement && child.offsetWidth > 0,
    );
    const at = days.findIndex((day) => Number(day.dataset.index) === active?.index);
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = at < 0 ? days.length - 1 : at + step;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = days.length - 1;
    if (next === undefined) {
      if (event.key === "Escape") setActive(null);
      return;
    }
    event.preventDefault();
    const day = days[Math.min(Math.max(next, 0), days.length - 1)];
    if (day) show(Number(day.dataset.index), day);
  };

  const current = active ? bars[active.index] : undefined;
  return (
    <div className="uptime-bar" onPointerLeave={() => setActive(null)}>
      <ol
        className="uptime-bar__days"
        aria-label={label}
        tabIndex={enhanced ? 0 : undefined}
        onPointerOver={onPointerOver}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const days = event.currentTarget.querySelectorAll<HTMLElement>("[data-index]");
          const last = days[days.length - 1];
          if (event.target === event.currentTarget && last) show(bars.length - 1, last);
        }}
        onBlur={() => setActive(null)}
      >
        {bars.map((bar, index) => (
          <li
            key={bar.date}
            className={`uptime-bar__day uptime-bar__day--${bar.severity}`}
            data-index={index}
            data-date={bar.date}
            data-severity={bar.severity}
            data-active={active?.index === index ? "true" : undefined}
            title={enhanced ? undefined : bar.title}
          >
            <span className="visually-hidden">{bar.title}</span>
          </li>
        ))}
      </ol>
      {current && active ? (
        <div
          className="uptime-tooltip"
          role="tooltip"
          data-testid="uptime-tooltip"
          style={{ left: `clamp(110px, ${active.x}px, calc(100% - 110px))` }}
        >
          <p className="uptime-tooltip__date">{current.heading}</p>
          {current.lines.map((line) => (
            <p
              key={line}
              className={
                line.startsWith("Incident: ")
                  ? "uptime-tooltip__line uptime-tooltip__line--incident"
                  : "uptime-tooltip__line"
              }
            >
              {line}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
