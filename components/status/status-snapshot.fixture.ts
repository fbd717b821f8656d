// A status snapshot as the page receives it, for the page's unit tests: Stashbox in its launch
// week, a website, an API group with two members, and a hidden CDN shown only when degraded.
import type {
  StatusComponent,
  StatusDay,
  StatusIncident,
  StatusSnapshot,
} from "@/lib/status/status-types";

const NOW = Date.parse("2026-01-20T12:00:00Z");

/** 90 days ending on 20 Jan 2026; `outages` maps a day's index (0 = oldest) to its minutes. */
export function fixtureDays(
  outages: Record<number, Partial<StatusDay["outageMinutes"]>> = {},
  watchedFrom = 0,
): StatusDay[] {
  return Array.from({ length: 90 }, (_, i) => {
    const date = new Date(NOW - (89 - i) * 86_400_000).toISOString().slice(0, 10);
    const minutes = { degraded: 0, partial: 0, major: 0, ...outages[i] };
    const down = minutes.degraded * 0.5 + minutes.partial * 0.7 + minutes.major;
    return {
      date,
      uptime: i < watchedFrom ? null : 1 - down / 1440,
      outageMinutes: i < watchedFrom ? { degraded: 0, partial: 0, major: 0 } : minutes,
    };
  });
}

export function fixtureComponent(
  partial: Partial<StatusComponent> & Pick<StatusComponent, "id" | "name">,
): StatusComponent {
  return {
    key: partial.name.toLowerCase().replace(/\W+/g, "-"),
    description: null,
    status: "operational",
    computedStatus: partial.status ?? "operational",
    position: 0,
    showcase: true,
    onlyShowIfDegraded: false,
    groupId: null,
    group: false,
    components: [],
    createdAt: "2025-10-22T00:00:00.000Z",
    updatedAt: "2026-01-20T11:58:00.000Z",
    startDate: "2025-10-22",
    days: fixtureDays(),
    uptime90d: 1,
    ...partial,
  };
}

export function fixtureIncident(
  partial: Partial<StatusIncident> & Pick<StatusIncident, "id" | "name">,
): StatusIncident {
  const startedAt = partial.startedAt ?? "2026-01-18T09:10:00.000Z";
  return {
    status: "resolved",
    impact: "major",
    automatic: false,
    shortlink: `https://status.stashbox.test/incidents/${partial.id}`,
    createdAt: startedAt,
    updatedAt: startedAt,
    startedAt,
    monitoringAt: null,
    resolvedAt: "2026-01-18T09:36:00.000Z",
    updates: [],
    componentIds: ["1"],
    ...partial,
  };
}

export const fixtureSnapshot: StatusSnapshot = {
  generatedAt: new Date(NOW).toISOString(),
  page: {
    id: "stashbox",
    name: "Stashbox",
    url: "https://status.stashbox.test",
    timeZone: "UTC",
    updatedAt: new Date(NOW).toISOString(),
  },
  status: { indicator: "none", description: "All Systems Operational" },
  components: [
    fixtureComponent({
      id: "1",
      name: "Website",
      position: 0,
      days: fixtureDays({ 87: { major: 26 } }),
      uptime90d: 0.9998,
    }),
    fixtureComponent({ id: "2", name: "API", group: true, components: ["3", "4"], position: 1 }),
    fixtureComponent({ id: "3", name: "Uploads", groupId: "2", position: 0 }),
    fixtureComponent({ id: "4", name: "Sign-in", groupId: "2", position: 1, showcase: false }),
    fixtureComponent({ id: "5", name: "CDN", onlyShowIfDegraded: true, position: 2 }),
  ],
  incidents: [fixtureIncident({ id: "10", name: "Uploads failing", componentIds: ["1", "3"] })],
  maintenances: [],
  lastHour: { successRate: 0.992, checks: 360 },
  responseTimes: [],
};
