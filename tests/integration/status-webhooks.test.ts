// Status webhooks end to end: component and incident changes, from check-monitors (and a
// founder's hand) on a real database, sent once each, signed, to subscribers on 127.0.0.1.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkMonitors } from "@/jobs/check-monitors";
import { runJob, type RunDeps } from "@/jobs/run-job";
import { sendNotifications } from "@/lib/alerts/send-notifications";
import { signatureHeader, timestampHeader, verifyWebhookSignature } from "@/lib/alerts/sign";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { captureLogger } from "../support/logger";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { type Handler, startHttpServer, text } from "../support/http-server";

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let config: LoadedConfig;
let deps: RunDeps;
let logged: ReturnType<typeof captureLogger>;

const partnerSecret = "whsec-partner-3f9a1c7e5b2d4f60";
const mirrorSecret = "whsec-mirror-8e1b0d2c4a6f3e59";
/** The parts of a Statuspage-shaped body these tests read. */
type Payload = {
  meta: { event: string };
  page: Record<string, unknown>;
  component_update?: Record<string, unknown>;
  component?: Record<string, unknown>;
  incident: { status: string; incident_updates: { body: string }[] };
};
type Delivery = { raw: string; body: Payload; headers: IncomingMessage["headers"] };
const received = { partner: [] as Delivery[], mirror: [] as Delivery[] };
const receiver =
  (name: keyof typeof received, status = 200): Handler =>
  (request: IncomingMessage, response: ServerResponse) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      if (status < 300)
        received[name].push({ raw, body: JSON.parse(raw), headers: request.headers });
      response.writeHead(status).end();
    });
  };
const settings = { schedule: "* * * * * *", timeout: 10_000, jitter: 0, enabled: true };

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startHttpServer({});
  config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
statusPage: { url: "https://status.stashbox.test" }
components:
  - { key: uploads, name: Uploads }
  - { key: website, name: Website }
monitors:
  - { key: uploads-api, name: Uploads API, type: http, url: "${server.url}/service", component: uploads,
      interval: 10s, timeout: 500ms, failuresToOpen: 1, successesToClose: 1 }
webhooks:
  - { key: partner, urlEnv: STATUS_PARTNER_URL, secretEnv: STATUS_PARTNER_SECRET }
  - { key: mirror, urlEnv: STATUS_MIRROR_URL, secretEnv: STATUS_MIRROR_SECRET }
`,
    "t.yaml",
  );
  Object.assign(process.env, {
    STATUS_PARTNER_URL: `${server.url}/partner`,
    STATUS_PARTNER_SECRET: partnerSecret,
    STATUS_MIRROR_URL: `${server.url}/mirror`,
    STATUS_MIRROR_SECRET: mirrorSecret,
  });
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});
beforeEach(async () => {
  await database.db.$executeRawUnsafe(
    `TRUNCATE "check", check_rollup, outage, incident, incident_update, notification CASCADE`,
  );
  for (const list of Object.values(received)) list.length = 0;
  server.routes["/partner"] = receiver("partner");
  server.routes["/mirror"] = receiver("mirror");
  logged = captureLogger();
  deps = { db: database.db, databaseUrl: database.url, config, log: logged.log };
});

async function check(service: "up" | "down") {
  server.routes["/service"] = service === "up" ? text("Stashbox") : text("overloaded", 503);
  await database.db.$executeRaw`UPDATE "check" SET at = at - interval '1 minute'`;
  await database.db.$executeRaw`UPDATE outage SET started_at = started_at - interval '1 minute',
    ended_at = ended_at - interval '1 minute'`;
  return runJob(checkMonitors, deps, { trigger: "cli", settings });
}

const events = (name: keyof typeof received) => received[name].map((d) => d.body.meta.event);

describe("status webhooks", () => {
  it("sends each component change and incident change once, Statuspage-shaped", async () => {
    // The first run only records where each subscriber starts.
    expect((await check("up")).counts).toMatchObject({ checks_up: 1 });
    expect(received.partner).toEqual([]);

    const down = await check("down");
    expect(down.counts).toMatchObject({ incidents_opened: 1, notifications_sent: 4 });
    expect(events("partner")).toEqual(["component.updated", "incident.created"]);
    const [component, created] = received.partner;
    expect(Object.keys(component!.body)).toEqual(["meta", "page", "component_update", "component"]);
    expect(component!.body.page).toMatchObject({
      url: "https://status.stashbox.test",
      status_indicator: "critical",
      status_description: "Major System Outage",
    });
    expect(component!.body.component_update).toMatchObject({
      old_status: "operational",
      new_status: "major_outage",
    });
    expect(component!.body.component).toMatchObject({ name: "Uploads", status: "major_outage" });
    expect(created!.body.incident).toMatchObject({
      name: "Uploads: major outage",
      status: "investigating",
      impact: "critical",
      incident_updates: [{ status: "investigating" }],
      components: [{ name: "Uploads" }],
    });
    expect(created!.headers["x-liftoff-event"]).toBe("incident.created");

    // Nothing changed: nothing sent.
    await check("down");
    await runJob(checkMonitors, deps, { trigger: "cli", settings });
    expect(received.partner).toHaveLength(2);

    expect((await check("up")).counts).toMatchObject({ incidents_resolved: 1 });
    await check("up");
    expect(events("partner")).toEqual([
      "component.updated",
      "incident.created",
      "component.updated",
      "incident.resolved",
    ]);
    expect(received.partner[2]!.body.component_update).toMatchObject({
      old_status: "major_outage",
      new_status: "operational",
    });
    const resolved = received.partner[3]!.body.incident;
    expect(resolved.status).toBe("resolved");
    expect(resolved.incident_updates[0]!.body).toMatch(
      /^This incident has been resolved\. It lasted/,
    );
    expect(events("mirror")).toEqual(events("partner"));
  });

  it("signs each body with the subscriber's own secret and a timestamp", async () => {
    await check("up");
    await check("down");
    expect(received.partner.length).toBeGreaterThan(0);
    for (const [name, secret, other] of [
      ["partner", partnerSecret, mirrorSecret],
      ["mirror", mirrorSecret, partnerSecret],
    ] as const) {
      for (const { raw, headers } of received[name]) {
        const signed = {
          body: raw,
          timestamp: headers[timestampHeader] as string,
          signature: headers[signatureHeader] as string,
        };
        expect(signed.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
        expect(Math.abs(Number(signed.timestamp) * 1000 - Date.now())).toBeLessThan(60_000);
        expect(verifyWebhookSignature({ ...signed, secret })).toBe(true);
        expect(verifyWebhookSignature({ ...signed, secret: other })).toBe(false);
        expect(
          verifyWebhookSignature({ ...signed, body: raw.replace("Uploads", "Upload5"), secret }),
        ).toBe(false);
      }
    }
  });

  it("announces a founder's incident and each of its updates once", async () => {
    await sendNotifications(database.db, config);
    const website = await database.db.component.findUniqueOrThrow({ where: { key: "website" } });
    const incident = await database.db.incident.create({
      data: {
        name: "Slow sign-ups",
        status: "investigating",
        impact: "minor",
        startedAt: new Date(),
        components: { connect: [{ id: website.id }] },
        updates: {
          create: [{ status: "investigating", body: "Sign-ups are slow; we are looking." }],
        },
      },
    });
    await sendNotifications(database.db, config);
    await sendNotifications(database.db, config);
    await database.db.incidentUpdate.create({
      data: { incidentId: incident.id, status: "identified", body: "A queue is backed up." },
    });
    await database.db.incident.update({
      where: { id: incident.id },
      data: { status: "identified" },
    });
    await Promise.all([
      sendNotifications(database.db, config),
      sendNotifications(database.db, config),
    ]);
    // The incident's minor impact shows on the website, as on Statuspage, and is announced too.
    expect(events("partner")).toEqual([
      "component.updated",
      "incident.created",
      "incident.updated",
    ]);
    expect(received.partner[0]!.body.component).toMatchObject({
      name: "Website",
      status: "degraded_performance",
    });
    expect(received.partner[2]!.body.incident).toMatchObject({
      status: "identified",
      incident_updates: [
        { body: "A queue is backed up." },
        { body: "Sign-ups are slow; we are looking." },
      ],
    });
  });

  it("records a subscriber's failure without its secret and retries it", async () => {
    await check("up");
    server.routes["/partner"] = receiver("partner", 500);
    const run = await check("down");
    expect(run).toMatchObject({
      outcome: "success",
      counts: { notifications_sent: 2, notifications_failed: 1 },
    });
    const rows = await database.db.notification.findMany({
      where: { status: "pending" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.destination, r.attempts, r.error])).toEqual([
      ["partner", 1, "webhooks.partner: answered HTTP 500"],
      ["partner", 0, null],
    ]);
    server.routes["/partner"] = receiver("partner");
    await database.db
      .$executeRaw`UPDATE notification SET next_attempt_at = now() WHERE status = 'pending'`;
    expect(await sendNotifications(database.db, config)).toMatchObject({ queued: 0, sent: 2 });
    expect(events("partner")).toEqual(["component.updated", "incident.created"]);
    const everything = JSON.stringify([logged.lines, await database.db.notification.findMany()]);
    expect(everything).not.toContain(partnerSecret);
    expect(everything).not.toContain(server.url);
  });
});
