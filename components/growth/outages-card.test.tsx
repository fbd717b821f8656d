// The Growth page's outage-cost card as the server renders it: a slowdown is priced and totalled
// apart from a hard outage.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { metricNouns } from "@/lib/api-client/growth-format";
import type { GrowthSummary, OutageCostView } from "@/lib/growth/growth-types";
import { OutagesCard } from "./outages-card";

const outage: OutageCostView = {
  from: "2026-01-20T10:00:00Z",
  to: "2026-01-20T10:01:30Z",
  label: "Website",
  severity: "major",
  kind: "outage",
  expectedSignups: 150,
  arrivedSignups: 0,
  missedSignups: 150,
};
const slowdown: OutageCostView = {
  ...outage,
  from: "2026-01-20T14:00:00Z",
  to: "2026-01-20T14:01:30Z",
  severity: "degraded",
  kind: "slowdown",
  arrivedSignups: 90,
  missedSignups: 60,
};

function render(outages: OutageCostView[]) {
  const summary = { outages } as GrowthSummary;
  const html = renderToStaticMarkup(
    <OutagesCard
      summary={summary}
      pending={false}
      problem={null}
      timeZone="UTC"
      readAt="2026-01-20T15:00:00Z"
      nouns={metricNouns("signups_total", "Signups")}
    />,
  );
  /** The text of each row or cell with this test id. */
  const cells = (testId: string) => {
    const tag = testId.endsWith("-row") ? "tr" : "td";
    const pattern = new RegExp(`<${tag} [^>]*data-testid="${testId}"[^>]*>(.*?)</${tag}>`, "g");
    return [...html.matchAll(pattern)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );
  };
  return { html, cells };
}

describe("the outage-cost card", () => {
  it("prices a 90 s slowdown by what still arrived, apart from a 90 s outage", () => {
    const { cells } = render([outage, slowdown]);
    const rows = cells("outage-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/Website Outage 1 min 30 s 0 of ≈ 150 ≈ 150$/);
    expect(rows[1]).toMatch(/Website Slowdown 1 min 30 s 90 of ≈ 150 ≈ 60$/);
    expect(cells("outage-total")).toEqual(["≈ 150"]);
    expect(cells("slowdown-total")).toEqual(["≈ 60"]);
  });

  it("totals only the kinds there are", () => {
    const { cells } = render([slowdown, { ...slowdown, from: "2026-01-20T14:30:00Z" }]);
    expect(cells("outage-total")).toEqual([]);
    expect(cells("slowdown-total")).toEqual(["≈ 120"]);
  });
});
