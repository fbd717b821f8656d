import { describe, expect, it } from "vitest";
import type { StatusMaintenance } from "@/lib/status/status-types";
import { currentMaintenances } from "./current-maintenances";

const now = Date.parse("2026-01-20T12:00:00Z");
const maintenance = (
  name: string,
  status: StatusMaintenance["status"],
  scheduledFor: string,
  scheduledUntil: string,
): StatusMaintenance => ({
  id: name,
  name,
  body: "",
  status,
  scheduledFor,
  scheduledUntil,
  createdAt: "2026-01-19T00:00:00Z",
  updatedAt: "2026-01-19T00:00:00Z",
  shortlink: "",
  componentIds: [],
});

describe("maintenance on the page", () => {
  it("puts what is under way first, then upcoming windows soonest first, and drops the rest", () => {
    const list = [
      maintenance("Later", "scheduled", "2026-01-25T02:00:00Z", "2026-01-25T04:00:00Z"),
      maintenance("Done", "completed", "2026-01-19T02:00:00Z", "2026-01-19T04:00:00Z"),
      maintenance("Sooner", "scheduled", "2026-01-22T02:00:00Z", "2026-01-22T04:00:00Z"),
      maintenance("Lapsed", "scheduled", "2026-01-18T02:00:00Z", "2026-01-18T04:00:00Z"),
      maintenance("Now", "in_progress", "2026-01-20T11:00:00Z", "2026-01-20T13:00:00Z"),
    ];
    expect(currentMaintenances(list, now).map((m) => m.name)).toEqual(["Now", "Sooner", "Later"]);
  });
});
