import { describe, expect, it } from "vitest";
import { type CheckPoint, detectOutageWindows } from "./outage-windows";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 20, 2, minute));
const run = (statuses: string) =>
  [...statuses].map((s, i): CheckPoint => ({
    at: t(i),
    status: s === "." ? "up" : s === "d" ? "degraded" : "down",
  }));

describe("outage windows", () => {
  it("opens after 3 failures at the first of them, and closes at the first of 2 successes", () => {
    expect(detectOutageWindows(run("..xxxx.x..."))).toEqual([
      { start: t(2), end: t(8), severity: "major" },
    ]);
  });

  it("ignores blips shorter than the rule", () => {
    expect(detectOutageWindows(run(".xx.x.xx..."))).toEqual([]);
  });

  it("keeps an outage open while it lasts, and says degraded when nothing was down", () => {
    expect(detectOutageWindows(run(".ddd.d"))).toEqual([
      { start: t(1), end: null, severity: "degraded" },
    ]);
    expect(detectOutageWindows(run(".dddx.."))).toEqual([
      { start: t(1), end: t(5), severity: "major" },
    ]);
  });

  it("follows configured rules and finds every window", () => {
    const rules = { failuresToOpen: 1, successesToClose: 1 };
    expect(detectOutageWindows(run("x.x."), rules)).toEqual([
      { start: t(0), end: t(1), severity: "major" },
      { start: t(2), end: t(3), severity: "major" },
    ]);
  });
});
