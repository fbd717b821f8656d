// Founders' alerts end to end: check-monitors on a real database probing a real local service,
// the outbox, and fake Slack, Discord and webhook receivers on 127.0.0.1.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkMonitors } from "@/jobs/check-monitors";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { deliverNotifications } from "@/lib/alerts/deliver-notifications";
import { enqueueNotifications } from "@/lib/alerts/enqueue-notifications";
import { sendNotifications } from "@/lib/alerts/send-notifications";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { recordCheck } from "@/lib/uptime/record-check";
import { freePorts } from "../support/free-port";
import { captureLogger } from "../support/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type Handler, startHttpServer, text } from "../support/http-server";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let config: LoadedConfig;
let deps: RunDeps;
let logged: ReturnType<typeof captureLogger>;

/** A token that incoming-webhook URLs carry: it must never show in a log, a row or an error. */
const token = "T0SECRET/B0SECRET/xoxb-launch-week-token";
const received = { slack: [] as unknown[], discord: [] as unknown[], hook: [] as unknown[] };
const receiver =
  (name: keyof typeof received, status = 200, delayMs = 0): Handler =>
  (request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (status < 300) received[name].push(JSON.parse(body));
      setTimeout(() => response.writeHead(status).end("ok"), delayMs);
    });
  };
const hanging: Handler = () => undefined;
const settings = { schedule: "* * * * * *", timeout: 10_000, jitter: 0, enabled: true };
const env = (): Record<string, string | undefined> => ({
  ALERT_SLACK_URL: `${server.url}/slack/${token}`,
  ALERT_DISCORD_URL: `${server.url}/discord/${token}`,
  ALERT_HOOK_URL: `${server.url}/hook?token=${encodeURIComponent(token)}`,
});

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startHttpServer({});
  config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
components: [{ key: uploads, name: Uploads }]
monitors:
  - { key: uploads-api, name: Uploads API, type: http, url: "${server.url}/service", component: uploads,
      interval: 10s, timeout: 500ms, failuresToOpen: 1, successesToClose: 1 }
alerts:
  - { key: founders-slack, kind: slack, urlEnv: ALERT_SLACK_URL }
  - { key: founders-discord, kind: discord, urlEnv: ALERT_DISCORD_URL, timeout: 300ms }
  - { key: pager, kind: webhook, urlEnv: ALERT_HOOK_URL }
`,
    "t.yaml",
  );
  Object.assign(process.env, env());
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});
beforeEach(async () => {
  await database.db.$executeRawUnsafe(
    `TRUNCATE "check", check_rollup, outage, notification CASCADE`,
  );
  for (const list of Object.values(received)) list.length = 0;
  server.routes[`/slack/${token}`] = receiver("slack");
  server.routes[`/discord/${token}`] = receiver("discord");
  server.routes["/hook"] = receiver("hook");
  server.routes["/service"] = text("Stashbox", 503);
  logged = captureLogger();
  deps = { db: database.db, databaseUrl: database.url, config, log: logged.log };
});

/** One run of check-monitors, the monitor made due first. */
async function check(service: "up" | "down") {
  server.routes["/service"] = service === "up" ? text("Stashbox") : text("overloaded", 503);
  await database.db.$executeRaw`UPDATE "check" SET at = at - interval '1 minute'`;
  await database.db.$executeRaw`UPDATE outage SET started_at = started_at - interval '1 minute',
    ended_at = ended_at - interval '1 minute'`;
  return runJob(checkMonitors, deps, { trigger: "cli", settings });
}

const notifications = () =>
  database.db.notification.findMany({
    orderBy: { id: "asc" },
    select: {
      destination: true,
      event: true,
      status: true,
      attempts: true,
      error: true,
      nextAttemptAt: true,
    },
  });

describe("founder alerts from check-monitors", () => {
  it("sends one alert when an outage opens and one when it closes, to Slack, Discord and a webhook", async () => {
    const down = await check("down");
    expect(down).toMatchObject({
      outcome: "success",
      counts: { checks_down: 1, notifications_sent: 3 },
    });
    // Again straight away: the monitor is not due, and nothing is sent twice.
    const again = await runJob(checkMonitors, deps, { trigger: "cli", settings });
    expect(again.counts).toEqual({ failed: 0 });
    expect(await check("down")).toMatchObject({ counts: { checks_down: 1 } });
    expect(received.slack).toHaveLength(1);

    const up = await check("up");
    expect(up.counts).toMatchObject({ checks_up: 1, notifications_sent: 3 });
    await check("up");
    await runJob(checkMonitors, deps, { trigger: "cli", settings });

    expect(received.slack).toHaveLength(2);
    expect(received.discord).toHaveLength(2);
    expect(received.hook).toHaveLength(2);
    const [slackOpened, slackClosed] = received.slack as { text: string; blocks: unknown[] }[];
    expect(Object.keys(slackOpened!)).toEqual(["text", "blocks"]);
    expect(slackOpened!.text).toBe("Outage: Uploads API (Uploads) is down");
    expect(JSON.stringify(slackOpened!.blocks)).toContain("unexpected HTTP 503");
    expect(slackClosed!.text).toMatch(/^Recovered: Uploads API \(Uploads\) is back after /);
    const [discordOpened] = received.discord as {
      content: string;
      embeds: { fields: unknown[] }[];
    }[];
    expect(discordOpened!.content).toBe("Outage: Uploads API (Uploads) is down");
    expect(discordOpened!.embeds[0]!.fields).toContainEqual({
      name: "Severity",
      value: "major outage (every monitor down)",
      inline: true,
    });
    expect(received.hook).toMatchObject([
      {
        event: "outage.opened",
        outage: { monitor: { key: "uploads-api" }, component: "Uploads", ended_at: null },
      },
      {
        event: "outage.closed",
        outage: { last_error: "unexpected HTTP 503", last_http_status: 503 },
      },
    ]);
    expect(
      (received.hook[1] as { outage: { duration_seconds: number } }).outage.duration_seconds,
    ).toBeGreaterThan(0);
    expect((await notifications()).every((n) => n.status === "sent" && n.attempts === 1)).toBe(
      true,
    );
  });

  it("tells founders an outage they heard of has closed, even when that is seen hours late", async () => {
    await check("down");
    expect(received.hook).toMatchObject([{ event: "outage.opened" }]);
    // The worker stopped for three hours; the service was back in the first of them, and the
    // check that saw it was stored before the stop, but not the outage's end.
    await database.db.$executeRaw`UPDATE "check" SET at = at - interval '3 hours'`;
    await database.db.$executeRaw`UPDATE outage SET started_at = started_at - interval '3 hours'`;
    const backAt = new Date(Date.now() - 150 * 60_000);
    const up = { status: "up", latencyMs: 12, httpStatus: 200, error: null } as const;
    await recordCheck(database.db, "uploads-api", backAt, up);

    const run = await check("up");
    expect(run.counts).toMatchObject({ checks_up: 1, notifications_sent: 3 });
    const [outage] = await database.db.outage.findMany();
    expect(outage!.endedAt!.getTime()).toBeLessThan(Date.now() - 2 * 3_600_000);
    expect(received.hook).toMatchObject([{ event: "outage.opened" }, { event: "outage.closed" }]);
    expect(received.slack).toHaveLength(2);
    expect(received.discord).toHaveLength(2);
    // Told once: the next run has nothing more to say.
    expect((await check("up")).counts).not.toHaveProperty("notifications_queued");
  });

  it("retries a receiver that answered 500 and sends it once when it answers 200", async () => {
    server.routes[`/slack/${token}`] = receiver("slack", 500);
    await check("down");
    const slack = (await notifications()).find((n) => n.destination === "founders-slack")!;
    expect(slack).toMatchObject({
      status: "pending",
      attempts: 1,
      error: "alerts.founders-slack: answered HTTP 500",
    });
    expect(slack.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing is sent.
    expect(await deliverNotifications(database.db, config, { env: env() })).toEqual({
      sent: 0,
      failed: 0,
      givenUp: 0,
    });
    server.routes[`/slack/${token}`] = receiver("slack");
    await database.db.$executeRaw`UPDATE notification SET next_attempt_at = now()`;
    expect(await deliverNotifications(database.db, config, { env: env() })).toMatchObject({
      sent: 1,
    });
    expect(received.slack).toHaveLength(1);
    expect(received.discord).toHaveLength(1);
    expect((await notifications()).find((n) => n.destination === "founders-slack")).toMatchObject({
      status: "sent",
      attempts: 2,
      error: null,
    });
  });

  it("times out a hanging receiver, retries it later, and the checks go on", async () => {
    server.routes[`/discord/${token}`] = hanging;
    const started = Date.now();
    const run = await check("down");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run).toMatchObject({
      outcome: "success",
      counts: { checks_down: 1, notifications_sent: 2, notifications_failed: 1 },
    });
    const discord = (await notifications()).find((n) => n.destination === "founders-discord")!;
    expect(discord).toMatchObject({
      status: "pending",
      attempts: 1,
      error: "alerts.founders-discord: no answer within 300 ms",
    });
    // The next run checks again while the hanging receiver waits for its retry.
    expect((await check("down")).counts).toMatchObject({ checks_down: 1 });
    expect(await database.db.check.count()).toBe(2);
    server.routes[`/discord/${token}`] = receiver("discord");
    await database.db.$executeRaw`UPDATE notification SET next_attempt_at = now()`;
    expect(await deliverNotifications(database.db, config, { env: env() })).toMatchObject({
      sent: 1,
      failed: 0,
    });
    expect(received.discord).toHaveLength(1);
  });

  it("gives up after the last attempt and keeps the error", async () => {
    server.routes["/hook"] = receiver("hook", 502);
    await check("down");
    for (let i = 0; i < 6; i++) {
      await database.db
        .$executeRaw`UPDATE notification SET next_attempt_at = now() WHERE status = 'pending'`;
      await deliverNotifications(database.db, config, { env: env() });
    }
    expect((await notifications()).find((n) => n.destination === "pager")).toMatchObject({
      status: "failed",
      attempts: 5,
      error: "alerts.pager: answered HTTP 502",
    });
  });

  it("records a missing variable as that destination's error and still sends the others", async () => {
    const partial = { ...env(), ALERT_SLACK_URL: undefined };
    await check("down");
    await database.db
      .$executeRaw`UPDATE notification SET status = 'pending', attempts = 0, next_attempt_at = now()`;
    received.discord.length = 0;
    received.hook.length = 0;
    received.slack.length = 0;
    const result = await deliverNotifications(database.db, config, { env: partial });
    expect(result).toMatchObject({ sent: 2, failed: 1 });
    expect((await notifications()).find((n) => n.destination === "founders-slack")).toMatchObject({
      status: "pending",
      error:
        "alerts.founders-slack: Environment variable ALERT_SLACK_URL is not set (the configuration names it as a secret)",
    });
  });

  it("two senders at once deliver each alert once", async () => {
    server.routes[`/slack/${token}`] = receiver("slack", 200, 200);
    await database.db.$executeRaw`INSERT INTO "check" (monitor_id, at, status, http_status, error)
      SELECT id, now() - interval '2 minutes', 2, 503, 'unexpected HTTP 503' FROM monitor`;
    await database.db
      .$executeRaw`INSERT INTO outage (monitor_id, component_id, started_at, severity)
      SELECT id, component_id, now() - interval '2 minutes', 'major' FROM monitor`;
    const queued = await Promise.all([
      enqueueNotifications(database.db, config),
      enqueueNotifications(database.db, config),
    ]);
    expect(queued.sort()).toEqual([0, 3]);
    const results = await Promise.all([
      sendNotifications(database.db, config, { env: env() }),
      sendNotifications(database.db, config, { env: env() }),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect([received.slack.length, received.discord.length, received.hook.length]).toEqual([
      1, 1, 1,
    ]);
  });

  it("never puts a URL's token in a log line, a row or an error", async () => {
    server.routes[`/slack/${token}`] = receiver("slack", 500);
    server.routes[`/discord/${token}`] = hanging;
    const [closedPort] = await freePorts(1);
    const refused = { ...env(), ALERT_HOOK_URL: `http://127.0.0.1:${closedPort}/${token}` };
    Object.assign(process.env, refused);
    try {
      const run = await check("down");
      expect(run.counts).toMatchObject({ notifications_failed: 3 });
    } finally {
      Object.assign(process.env, env());
    }
    const rows = await notifications();
    expect(rows.map((r) => r.error)).toEqual([
      "alerts.founders-slack: answered HTTP 500",
      "alerts.founders-discord: no answer within 300 ms",
      "alerts.pager: could not connect (ECONNREFUSED)",
    ]);
    const everything = JSON.stringify([
      rows,
      logged.lines,
      await database.db.jobRun.findMany({ select: { error: true, counts: true } }),
    ]);
    expect(logged.lines.filter((l) => l.msg === "notification not delivered")).toHaveLength(3);
    expect(everything).not.toContain("SECRET");
    expect(everything).not.toContain("xoxb");
    expect(everything).not.toContain(server.url);
  });
});
