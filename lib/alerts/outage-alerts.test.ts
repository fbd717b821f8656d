import { describe, expect, it } from "vitest";
import { alertBody } from "./alert-bodies";
import { describeOutage } from "./alert-text";
import type { OutageEventRow } from "./outage-events";
import { planOutageAlerts } from "./plan-outage-alerts";

export const openUploadOutage: OutageEventRow = {
  outageId: 41,
  monitorKey: "uploads",
  monitorName: "Uploads API",
  componentName: "Uploads & downloads",
  severity: "major",
  startedAt: new Date("2026-01-20T05:12:00Z"),
  endedAt: null,
  lastError: "HTTP 503 <Service Unavailable>",
  lastHttpStatus: 503,
  toldOpened: [],
};

export const closedUploadOutage: OutageEventRow = {
  ...openUploadOutage,
  endedAt: new Date("2026-01-20T06:24:30Z"),
};

const opened = describeOutage("outage-opened", openUploadOutage);
const closed = describeOutage("outage-closed", closedUploadOutage);

describe("founder alert text", () => {
  it("says which monitor and component, how bad, since when and the last error", () => {
    expect(opened.title).toBe("Outage: Uploads API (Uploads & downloads) is down");
    expect(opened.fields).toEqual([
      { label: "Monitor", value: "Uploads API (uploads)" },
      { label: "Component", value: "Uploads & downloads" },
      { label: "Severity", value: "major outage (every monitor down)" },
      { label: "Started", value: "2026-01-20T05:12:00.000Z" },
      { label: "Last error", value: "HTTP 503 <Service Unavailable>" },
    ]);
  });

  it("says how long a closed outage lasted", () => {
    expect(closed.title).toBe(
      "Recovered: Uploads API (Uploads & downloads) is back after 1 h 13 min",
    );
    expect(closed.fields).toContainEqual({ label: "Lasted", value: "1 h 13 min" });
    expect(closed.fields).toContainEqual({ label: "Ended", value: "2026-01-20T06:24:30.000Z" });
  });
});

describe("alert bodies", () => {
  it("gives Slack {text, blocks} with mrkdwn markup escaped", () => {
    const body = JSON.parse(alertBody("slack", opened, openUploadOutage));
    expect(Object.keys(body)).toEqual(["text", "blocks"]);
    expect(body.text).toBe("Outage: Uploads API (Uploads &amp; downloads) is down");
    expect(body.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
    expect(body.blocks[1].text.type).toBe("mrkdwn");
    expect(body.blocks[1].text.text).toContain(
      "*Last error:* HTTP 503 &lt;Service Unavailable&gt;",
    );
  });

  it("gives Discord {content, embeds} within its limits and pinging nobody", () => {
    const body = JSON.parse(alertBody("discord", closed, closedUploadOutage));
    expect(body.content).toBe(closed.title);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0].color).toBe(0x2fa84f);
    expect(body.embeds[0].fields).toContainEqual({
      name: "Lasted",
      value: "1 h 13 min",
      inline: true,
    });
    const long = describeOutage("outage-opened", {
      ...openUploadOutage,
      lastError: "x".repeat(3000),
    });
    const cut = JSON.parse(alertBody("discord", long, openUploadOutage)).embeds[0].fields.at(-1);
    expect(cut.value).toHaveLength(1024);
  });

  it("gives a plain webhook the event and the outage's facts", () => {
    const body = JSON.parse(alertBody("webhook", closed, closedUploadOutage));
    expect(body).toMatchObject({
      event: "outage.closed",
      outage: {
        id: "41",
        monitor: { key: "uploads", name: "Uploads API" },
        component: "Uploads & downloads",
        severity: "major",
        started_at: "2026-01-20T05:12:00.000Z",
        ended_at: "2026-01-20T06:24:30.000Z",
        duration_seconds: 4350,
        last_error: "HTTP 503 <Service Unavailable>",
      },
    });
    expect(body.text).toContain("Lasted: 1 h 13 min");
  });
});

describe("planning outage alerts", () => {
  const alerts = [
    {
      key: "slack",
      kind: "slack",
      urlEnv: "SLACK_URL",
      events: ["outage-opened", "outage-closed"],
      timeout: 5_000,
    },
    {
      key: "pager",
      kind: "webhook",
      urlEnv: "PAGER_URL",
      events: ["outage-opened"],
      timeout: 5_000,
    },
  ] as const;
  const plan = (o: OutageEventRow, now: string) =>
    planOutageAlerts(
      [o],
      alerts.map((a) => ({ ...a, events: [...a.events] })),
      new Date(now),
    ).map((r) => r.idempotencyKey);

  it("announces an open outage to every destination that asked, once per key", () => {
    expect(plan(openUploadOutage, "2026-01-20T05:20:00Z")).toEqual([
      "alerts:slack:outage:41:opened",
      "alerts:pager:outage:41:opened",
    ]);
    // Open for days, it is still news to a destination that has not heard of it.
    expect(plan(openUploadOutage, "2026-01-23T00:00:00Z")).toHaveLength(2);
  });

  it("announces a closing only to those that asked, and forgets outages older than an hour", () => {
    expect(plan(closedUploadOutage, "2026-01-20T06:25:00Z")).toEqual([
      "alerts:slack:outage:41:closed",
    ]);
    expect(plan(closedUploadOutage, "2026-01-20T08:00:00Z")).toEqual([]);
  });

  it("tells of a closing seen late to those told it opened, and to no one else", () => {
    // Closed at 06:24:30 but recorded at 09:00 (the worker stopped before the confirming checks).
    const toldSlack = { ...closedUploadOutage, toldOpened: ["slack"] };
    expect(plan(toldSlack, "2026-01-20T09:00:00Z")).toEqual(["alerts:slack:outage:41:closed"]);
    expect(plan(closedUploadOutage, "2026-01-20T09:00:00Z")).toEqual([]);
  });

  it("never announces, as news, an outage that started over an hour ago and is over", () => {
    // A worker back after a long stop: the outage started 3 h ago and closed 10 minutes ago.
    const ended = { ...closedUploadOutage, endedAt: new Date("2026-01-20T08:02:00Z") };
    expect(plan(ended, "2026-01-20T08:12:00Z")).toEqual(["alerts:slack:outage:41:closed"]);
    // Still open after the same stop, it is announced once.
    expect(plan(openUploadOutage, "2026-01-20T08:12:00Z")).toEqual([
      "alerts:slack:outage:41:opened",
      "alerts:pager:outage:41:opened",
    ]);
  });
});
