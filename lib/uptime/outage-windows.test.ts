import { describe, expect, it } from "vitest";
import { componentSeverity } from "./component-severity";
import { componentStatus } from "./component-status";
import { type CheckPoint, detectOutageWindows, type OutageWindow } from "./outage-windows";

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

describe("outage windows on harder timelines", () => {
  it("keeps a flapping service in one outage until it is steadily back", () => {
    expect(detectOutageWindows(run("x.x.x.x.x.x"))).toEqual([]);
    expect(detectOutageWindows(run("xxx.x.x.x.."))).toEqual([
      { start: t(0), end: t(9), severity: "major" },
    ]);
    expect(detectOutageWindows(run("dxd.d.."))).toEqual([
      { start: t(0), end: t(5), severity: "major" },
    ]);
  });

  it("separates outages once the service is back for long enough between them", () => {
    expect(detectOutageWindows(run("xxx..xxx.."))).toEqual([
      { start: t(0), end: t(3), severity: "major" },
      { start: t(5), end: t(8), severity: "major" },
    ]);
  });

  it("gives a component partial, then major, then partial again as its monitors overlap", () => {
    const web1 = detectOutageWindows(run("..xxxxxx...."));
    const web2 = detectOutageWindows(run("....xxx....."));
    const uploads = detectOutageWindows(run("............"));
    expect(web1).toEqual([{ start: t(2), end: t(8), severity: "major" }]);
    expect(web2).toEqual([{ start: t(4), end: t(7), severity: "major" }]);
    // Each web monitor was down while the other was too: the component's outage was major.
    expect(componentSeverity(web1[0]!, [web2])).toBe("major");
    expect(componentSeverity(web2[0]!, [web1])).toBe("major");
    // With a third monitor that stayed up, it was only ever partial.
    expect(componentSeverity(web1[0]!, [web2, uploads])).toBe("partial");

    const openAt = (windows: OutageWindow[], minute: number) =>
      windows.find((w) => w.start <= t(minute) && (w.end === null || t(minute) < w.end))
        ?.severity ?? null;
    const statusAt = (minute: number) =>
      componentStatus([openAt(web1, minute), openAt(web2, minute)]);
    expect([1, 3, 5, 7, 8].map(statusAt)).toEqual([
      "operational",
      "partial_outage",
      "major_outage",
      "partial_outage",
      "operational",
    ]);
  });
});
