// The outbox's retention against a real database: what prune-checks deletes from `notification`,
// what it must keep, and that planning after a prune neither repeats a message nor reuses a
// webhook's sequence number.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueNotifications } from "@/lib/alerts/enqueue-notifications";
import { pruneNotifications } from "@/lib/alerts/prune-notifications";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import type { ComponentStatus } from "@/lib/generated/prisma/client";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "../support/database";

const DAY = 86_400_000;
let database: TestDatabase;
let config: LoadedConfig;

beforeAll(async () => {
  database = await createTestDatabase();
  config = parseConfig(
    `service: { name: Stashbox, domain: stashbox.test }
components: [{ key: uploads, name: Uploads }]
monitors:
  - { key: uploads-api, name: Uploads API, type: http, url: "http://127.0.0.1:9/", component: uploads }
alerts:
  - { key: pager, kind: webhook, urlEnv: PAGER_URL }
webhooks:
  - { key: partner, urlEnv: PARTNER_URL, secretEnv: PARTNER_SECRET }
`,
    "t.yaml",
  );
  await syncConfig(database.db, config);
});
afterAll(() => database?.drop());
beforeEach(async () => {
  await database.db.$executeRaw`TRUNCATE notification, outage CASCADE`;
  await database.db.component.updateMany({ data: { statusOverride: null } });
});

type Row = [subject: string, sequence: number, status: string, ageDays: number];

/** Webhook rows for the subscriber "partner", keyed as planning keys them. */
async function insert(rows: Row[]) {
  const now = Date.now();
  for (const [subject, sequence, status, ageDays] of rows) {
    const at = new Date(now - ageDays * DAY);
    await database.db.$executeRaw`
      INSERT INTO notification (section, destination, event, subject, state, idempotency_key,
                                body, status, created_at, updated_at)
      VALUES ('webhooks', 'partner', 'component.updated', ${subject}, 'operational',
              ${`webhooks:partner:${subject}:${sequence}`}, '{}',
              ${status}::notification_status, ${at}, ${at})`;
  }
}

const keys = async () =>
  (await database.db.notification.findMany({ orderBy: { id: "asc" } })).map(
    (n) => n.idempotencyKey,
  );

const ageEverything = (days: number) =>
  database.db.$executeRaw`
    UPDATE notification SET status = CASE WHEN status = 'baseline' THEN status ELSE 'sent' END,
           created_at = created_at - make_interval(days => ${days})`;

const override = (statusOverride: ComponentStatus) =>
  database.db.component.update({ where: { key: "uploads" }, data: { statusOverride } });

describe("pruning the notification outbox", () => {
  it("deletes old sent, failed and baseline rows, never pending or sending ones, nor a subject's last", async () => {
    await insert([
      ["component:1", 1, "baseline", 40],
      ["component:1", 2, "sent", 35],
      ["component:1", 3, "sent", 31],
      ["component:2", 1, "failed", 40],
      ["component:2", 2, "pending", 40],
      ["component:3", 1, "sending", 40],
      ["component:3", 2, "sent", 40],
      ["component:4", 1, "sent", 29],
      ["component:4", 2, "sent", 1],
    ]);
    expect(await pruneNotifications(database.db)).toBe(3);
    expect(await keys()).toEqual([
      "webhooks:partner:component:1:3",
      "webhooks:partner:component:2:2",
      "webhooks:partner:component:3:1",
      "webhooks:partner:component:3:2",
      "webhooks:partner:component:4:1",
      "webhooks:partner:component:4:2",
    ]);
  });

  it("leaves planning as it was: no alert repeated, no webhook sequence number reused", async () => {
    const [monitor] = await database.db.monitor.findMany();
    const component = await database.db.component.findFirstOrThrow();
    await database.db.outage.create({
      data: {
        monitorId: monitor!.id,
        componentId: component.id,
        startedAt: new Date(Date.now() - 40 * DAY),
        severity: "major",
      },
    });
    await enqueueNotifications(database.db, config);
    await override("operational");
    expect(await enqueueNotifications(database.db, config)).toBe(1);
    await ageEverything(40);

    // The subscriber's baseline of the component goes; its last message and the alert that the
    // outage, still open, opened stay.
    expect(await pruneNotifications(database.db)).toBe(1);
    const subject = `component:${component.id}`;
    expect(await keys()).toEqual([
      `alerts:pager:outage:${(await database.db.outage.findFirstOrThrow()).id}:opened`,
      "webhooks:partner:page:1",
      `webhooks:partner:${subject}:2`,
    ]);
    expect(await enqueueNotifications(database.db, config)).toBe(0);

    await override("degraded_performance");
    expect(await enqueueNotifications(database.db, config)).toBe(1);
    expect((await keys()).at(-1)).toBe(`webhooks:partner:${subject}:3`);
  });
});
