// POST /api/ingest/metrics end to end without Next: real Request objects, the real recorder, a real
// PostgreSQL. Every test starts from an empty sample table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { handleMetricPush, maxBodyBytes } from "@/lib/growth/push";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "../support/database";

const config = parseConfig(
  `service: { name: Stashbox, domain: stashbox.test }
sources:
  push:
    - key: app
      tokenEnv: APP_PUSH_TOKEN
      metrics:
        - { metric: signups, name: Signups, type: counter }
        - { metric: online, name: Online now, type: gauge, unit: users }
    - key: billing
      tokenEnv: BILLING_PUSH_TOKEN
      metrics:
        - { metric: paying, name: Paying customers, type: counter }
    - key: retired
      tokenEnv: RETIRED_PUSH_TOKEN
      metrics:
        - { metric: legacy, name: Legacy, type: gauge }
`,
  "t.yaml",
);
// RETIRED_PUSH_TOKEN is unset: that source can never be pushed to, and must not break the others.
const tokens = { app: "app-token-4f9c2e", billing: "billing-token-8d1a7b" };
const env = {
  NODE_ENV: "test",
  APP_PUSH_TOKEN: tokens.app,
  BILLING_PUSH_TOKEN: tokens.billing,
} as const;
const now = new Date("2026-06-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await syncConfig(database.db, config);
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await database.db.$executeRaw`TRUNCATE metric_sample, metric_rollup`;
});

type PushOptions = { token?: string | null; headers?: Record<string, string> };

function request(body: BodyInit, options: PushOptions = {}): Request {
  const headers = new Headers({ "content-type": "application/json", ...options.headers });
  const token = options.token === undefined ? tokens.app : options.token;
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  return new Request("http://liftoff.test/api/ingest/metrics", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

async function send(request: Request) {
  const response = await handleMetricPush(request, { db: database.db, config, env, now });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const push = (body: unknown, options?: PushOptions) =>
  send(request(typeof body === "string" ? body : JSON.stringify(body), options));

async function stored() {
  const rows = await database.db.metricSample.findMany({
    include: { metric: { select: { key: true } } },
    orderBy: [{ metricId: "asc" }, { at: "asc" }],
  });
  return rows.map((r) => ({
    metric: r.metric.key,
    at: r.at.toISOString(),
    value: r.value,
    ...(r.externalId ? { id: r.externalId } : {}),
  }));
}

describe("a valid batch", () => {
  const batch = {
    samples: [
      { metric: "signups", value: 10, at: minutesAgo(3) },
      { metric: "signups", value: 12, at: Date.parse(minutesAgo(2)), id: "s-2" },
      { metric: "online", value: 4, at: "2026-06-01T13:59:00+02:00" },
    ],
  };

  it("is stored and counted", async () => {
    const answer = await push(batch);
    expect(answer).toMatchObject({
      status: 200,
      body: { accepted: 3, duplicates: 0, rejected: [], warnings: [] },
    });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await stored()).toEqual([
      { metric: "signups", at: minutesAgo(3), value: 10 },
      { metric: "signups", at: minutesAgo(2), value: 12, id: "s-2" },
      { metric: "online", at: minutesAgo(1), value: 4 },
    ]);
  });

  it("keeps the rollups current", async () => {
    await push(batch);
    const minutes = await database.db.metricRollup.count({ where: { bucket: "minute" } });
    expect(minutes).toBe(3);
  });

  it("sent twice is stored once: the second answer is all duplicates", async () => {
    await push(batch);
    const first = await stored();
    expect((await push(batch)).body).toEqual({
      accepted: 0,
      duplicates: 3,
      rejected: [],
      warnings: [],
    });
    expect(await stored()).toEqual(first);
  });

  it("stores a sample once when its id comes again at another time", async () => {
    const sample = { metric: "online", value: 7, id: "retry-1" };
    expect((await push({ samples: [{ ...sample, at: minutesAgo(5) }] })).body.accepted).toBe(1);
    const again = await push({ samples: [{ ...sample, at: minutesAgo(4) }] });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [], warnings: [] });
    expect(await stored()).toEqual([
      { metric: "online", at: minutesAgo(5), value: 7, id: "retry-1" },
    ]);
  });

  it("answers an empty batch with zeros", async () => {
    expect((await push({ samples: [] })).body).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [],
      warnings: [],
    });
  });
});

describe("authentication", () => {
  const batch = { samples: [{ metric: "signups", value: 1, at: minutesAgo(1) }] };

  it.each([
    ["no token", null, {}],
    ["a wrong token", "not-the-token", {}],
    ["a token of a different length", "x", {}],
    ["a token with the wrong scheme", null, { authorization: `Basic ${tokens.app}` }],
  ])("refuses %s with 401 and stores nothing", async (_name, token, headers) => {
    const answer = await push(batch, { token, headers });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("unauthorized");
    expect(answer.body.error.message).toMatch(/token/);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await stored()).toEqual([]);
  });

  it("refuses before reading the body", async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    expect((await send(request(body, { token: "wrong" }))).status).toBe(401);
    expect(pulled).toBe(false);
  });

  it("lets source A write only its own metrics", async () => {
    const answer = await push(
      {
        samples: [
          { metric: "signups", value: 5, at: minutesAgo(2) },
          { metric: "paying", value: 3, at: minutesAgo(2) },
          { metric: "legacy", value: 1, at: minutesAgo(2) },
        ],
      },
      { token: tokens.app },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected).toEqual([
      {
        index: 1,
        reason: 'samples[1].metric: metric "paying" is not declared for push source "app"',
      },
      {
        index: 2,
        reason: 'samples[2].metric: metric "legacy" is not declared for push source "app"',
      },
    ]);
    const billing = await push(
      { samples: [{ metric: "paying", value: 3, at: minutesAgo(2) }] },
      { token: tokens.billing },
    );
    expect(billing.body).toEqual({ accepted: 1, duplicates: 0, rejected: [], warnings: [] });
    expect((await stored()).map((s) => s.metric)).toEqual(["signups", "paying"]);
  });
});

describe("samples checked one by one", () => {
  it("rejects bad samples with reasons naming the field and accepts the rest", async () => {
    const text = `{ "samples": [
      { "metric": "online", "value": 1, "at": "${minutesAgo(9)}" },
      { "metric": "online", "value": "NaN", "at": "${minutesAgo(8)}" },
      { "metric": "online", "value": "1e400", "at": "${minutesAgo(7)}" },
      { "metric": "online", "value": 1e400, "at": "${minutesAgo(6)}" },
      { "metric": "online", "at": "${minutesAgo(5)}" },
      { "value": 3, "at": "${minutesAgo(4)}" },
      { "metric": "online", "value": 3 },
      { "metric": "online", "value": 3, "at": "2026-06-01T11:57:00" },
      { "metric": "online", "value": 3, "at": 1780315000 },
      { "metric": "online", "value": 3, "at": "${new Date(now.getTime() + 86_400_000).toISOString()}" },
      { "metric": "online", "value": 3, "at": "${minutesAgo(3)}", "id": "${"x".repeat(129)}" },
      { "metric": "online", "value": 3, "at": "${minutesAgo(3)}", "timestamp": 1 },
      "not a sample",
      { "metric": "online", "value": 2, "at": ${Date.parse(minutesAgo(1))} }
    ] }`;
    const answer = await push(text);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.duplicates).toBe(0);
    const reasons = Object.fromEntries(
      answer.body.rejected.map((r: { index: number; reason: string }) => [r.index, r.reason]),
    );
    expect(Object.keys(reasons).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(reasons[1]).toBe('samples[1].value: expected a finite number, found "NaN"');
    expect(reasons[2]).toBe('samples[2].value: expected a finite number, found "1e400"');
    expect(reasons[3]).toBe("samples[3].value: expected a finite number, found number Infinity");
    expect(reasons[4]).toBe("samples[4].value: expected a finite number, found nothing");
    expect(reasons[5]).toBe("samples[5].metric: expected a metric key, found nothing");
    expect(reasons[6]).toMatch(/^samples\[6\]\.at: expected an ISO 8601 time .*, found nothing$/);
    expect(reasons[7]).toMatch(/^samples\[7\]\.at: expected an ISO 8601 time with an offset/);
    expect(reasons[8]).toMatch(/^samples\[8\]\.at: expected epoch milliseconds \(this looks like/);
    expect(reasons[9]).toMatch(/^samples\[9\]: time 2026-06-02T12:00:00.000Z is in the future/);
    expect(reasons[10]).toMatch(/^samples\[10\]\.id: expected an id of at most 128 characters/);
    expect(reasons[11]).toBe('samples[11]: unknown field(s) "timestamp"');
    expect(reasons[12]).toMatch(/^samples\[12\]: expected a sample \{ metric, value, at/);
    expect((await stored()).map((s) => s.value)).toEqual([1, 2]);
  });

  it("stores a counter going down as a reset, and warns unless the sample says it follows one", async () => {
    const first = await push({
      samples: [
        { metric: "signups", value: 10, at: minutesAgo(4) },
        { metric: "signups", value: 20, at: minutesAgo(3) },
        { metric: "signups", value: 15, at: minutesAgo(2) },
      ],
    });
    expect(first.body).toEqual({
      accepted: 3,
      duplicates: 0,
      rejected: [],
      warnings: ["signups: counter went down from 20 to 15; counted as a reset (inferred)"],
    });
    const flagged = await push({
      samples: [{ metric: "signups", value: 4, at: minutesAgo(1), reset: true }],
    });
    expect(flagged.body).toEqual({ accepted: 1, duplicates: 0, rejected: [], warnings: [] });
    const rows = await database.db.metricSample.findMany({ orderBy: { at: "asc" } });
    expect(rows.map((s) => [s.value, s.resetReason, s.increase])).toEqual([
      [10, null, 0],
      [20, null, 10],
      [15, "inferred", 15],
      [4, "flagged", 4],
    ]);
  });

  it("maps the recorder's rejections back to positions in the request", async () => {
    const answer = await push({
      samples: [
        { metric: "online", value: 1, at: minutesAgo(5) },
        { metric: "signups", value: 9, at: minutesAgo(5) },
        { metric: "online", value: 2, at: minutesAgo(4) },
        { metric: "signups", value: -8, at: minutesAgo(4) },
      ],
    });
    expect(answer.body.accepted).toBe(3);
    expect(answer.body.rejected).toEqual([
      { index: 3, reason: "samples[3]: a counter cannot be negative: -8" },
    ]);
  });
});

describe("the batch as a whole", () => {
  const oversized = JSON.stringify({ samples: [], padding: "x".repeat(maxBodyBytes) });

  it("refuses a body over 1 MiB by its Content-Length, before reading it", async () => {
    let pulled = false;
    const body = new ReadableStream(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const headers = { "content-length": String(maxBodyBytes + 1) };
    const answer = await send(request(body, { headers }));
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({
      code: "payload_too_large",
      message: expect.stringMatching(/1 MiB/),
    });
    expect(pulled).toBe(false);
  });

  it("refuses a body over 1 MiB while reading it when Content-Length is missing or lies", async () => {
    const chunk = new TextEncoder().encode(oversized);
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk.subarray(0, 600_000));
          controller.enqueue(chunk.subarray(600_000));
          controller.close();
        },
      });
    expect((await send(request(stream()))).status).toBe(413);
    const lying = await send(request(stream(), { headers: { "content-length": "100" } }));
    expect(lying.status).toBe(413);
    expect((await push(oversized)).status).toBe(413);
  });

  it("refuses 1,001 samples with 413 naming the limit, and stores none", async () => {
    const samples = Array.from({ length: 1001 }, (_, i) => ({
      metric: "online",
      value: i,
      at: Date.parse(minutesAgo(0)) - i * 1000,
    }));
    const answer = await push({ samples });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toMatch(/at most 1000 samples; this one has 1001/);
    expect(await stored()).toEqual([]);
    expect((await push({ samples: samples.slice(0, 1000) })).body.accepted).toBe(1000);
  });

  it.each([
    ["not JSON", "samples=1", /^The body is not JSON/],
    ["empty", "", /^The body is not JSON \(the body is empty\)/],
    ["a list", "[]", /expected a JSON object \{ "samples": \[ \.\.\. \] \}, found a list of 0/],
    ["without samples", '{ "data": [] }', /samples: expected a list of samples, found nothing/],
    ["samples not a list", '{ "samples": 3 }', /samples: expected a list of samples/],
  ])("answers a body that is %s with 422", async (_name, body, message) => {
    const answer = await push(body);
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: "validation_failed" });
    expect(answer.body.error.message).toMatch(message);
  });
});

describe("syncConfig", () => {
  it("declares every pushed metric with its push source", async () => {
    const metrics = await database.db.metric.findMany({
      select: { key: true, kind: true, source: true, unit: true },
      orderBy: { key: "asc" },
    });
    expect(metrics).toEqual([
      { key: "legacy", kind: "gauge", source: "push:retired", unit: null },
      { key: "online", kind: "gauge", source: "push:app", unit: "users" },
      { key: "paying", kind: "counter", source: "push:billing", unit: null },
      { key: "signups", kind: "counter", source: "push:app", unit: null },
    ]);
  });
});
