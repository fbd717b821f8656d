import { describe, expect, it } from "vitest";
import type { MonitorStatus, MonitorSummary } from "@/lib/dashboard/types";
import { describeMonitors, overallStatus } from "./monitors";

const monitor = (key: string, status: MonitorStatus): MonitorSummary => ({
  key,
  name: key,
  status,
  lastCheckAt: null,
  latencyMs: null,
  uptime24h: null,
});

describe("overallStatus", () => {
  it("is the worst known status", () => {
    expect(overallStatus([monitor("a", "up"), monitor("b", "up")])).toBe("up");
    expect(overallStatus([monitor("a", "up"), monitor("b", "degraded")])).toBe("degraded");
    expect(overallStatus([monitor("a", "degraded"), monitor("b", "down")])).toBe("down");
    expect(overallStatus([monitor("a", "up"), monitor("b", "unknown")])).toBe("up");
    expect(overallStatus([monitor("a", "unknown")])).toBe("unknown");
    expect(overallStatus([])).toBe("unknown");
  });
});

describe("describeMonitors", () => {
  it("counts what is up", () => {
    expect(describeMonitors([monitor("a", "up")])).toBe("Up");
    expect(describeMonitors([monitor("a", "up"), monitor("b", "up")])).toBe("All 2 up");
    expect(describeMonitors([monitor("a", "up"), monitor("b", "down")])).toBe("1 of 2 up");
    expect(describeMonitors([monitor("a", "unknown")])).toBe("No checks yet");
  });
});
