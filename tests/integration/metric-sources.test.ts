// Every metric source kind through readMetric, against real things: HTTP servers on 127.0.0.1, the
// launch simulator, and a real PostgreSQL database standing in for the service's own.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { MetricSourceConfig } from "@/lib/config/schema";
import { readMetric } from "@/lib/growth/sources";
import { lastRestartAt, processCountersAt, usersAt } from "@/simulator/model";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/free-port";
import { json, startHttpServer, text } from "../support/http-server";
import { startFrozenSimulator, type FrozenSimulator } from "../simulator/support";

const fixture = (name: string) => readFileSync(`tests/fixtures/metrics/${name}`, "utf8");

/** One entry of sources.metrics, validated and defaulted as liftoff.config.yaml would be. */
function source(entry: string): MetricSourceConfig {
  const yaml = `service: { name: Stashbox, domain: stashbox.test }
sources:
  metrics:
    - ${entry}
`;
  return parseConfig(yaml, "test.yaml").sources.metrics[0]!;
}

describe("through a real HTTP server", () => {
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  beforeAll(async () => {
    server = await startHttpServer({
      "/metrics": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
        res.end(fixture("stashbox.prom"));
      },
      "/stats": text(fixture("stats-page.html")),
      "/stats-new": text(fixture("stats-page-changed.html")),
      "/api/stats": json({ users: { total: 741_233 } }),
      "/down": text("Service Unavailable\n", 503),
      "/slow": (_req, res) => void setTimeout(() => res.end("up 1\n"), 1_500),
    });
  });
  afterAll(() => server?.close());

  it("reads a Prometheus series with its process start time, sending the bearer token", async () => {
    process.env.STASHBOX_METRICS_TOKEN = "metrics-token-123";
    const config = source(
      `{ kind: prometheus, metric: pro_signups, name: Pro signups, type: counter, url: "${server.url}/metrics", series: stashbox_signups_total, labels: { plan: pro }, tokenEnv: STASHBOX_METRICS_TOKEN }`,
    );
    expect(await readMetric(config)).toEqual({
      value: 3431,
      startedAt: new Date("2026-01-21T03:00:00Z"),
    });
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer metrics-token-123");
  });

  it("sums Prometheus series", async () => {
    const config = source(
      `{ kind: prometheus, metric: signups, name: Signups, type: counter, url: "${server.url}/metrics", series: stashbox_signups_total, aggregate: sum }`,
    );
    expect((await readMetric(config)).value).toBe(98_042);
  });

  it("refuses an ambiguous Prometheus matcher", async () => {
    const config = source(
      `{ kind: prometheus, metric: signups, name: Signups, type: counter, url: "${server.url}/metrics", series: stashbox_signups_total }`,
    );
    await expect(readMetric(config)).rejects.toMatchObject({
      kind: "parse",
      message: expect.stringContaining("2 series match stashbox_signups_total"),
    });
  });

  it("reads the number in an HTML page", async () => {
    const config = source(
      `{ kind: html, metric: users, name: Users, type: counter, url: "${server.url}/stats", selector: "#user-count" }`,
    );
    expect(await readMetric(config)).toEqual({ value: 741_233 });
  });

  it("calls a page whose layout changed empty", async () => {
    const config = source(
      `{ kind: html, metric: users, name: Users, type: counter, url: "${server.url}/stats-new", selector: "#user-count" }`,
    );
    await expect(readMetric(config)).rejects.toMatchObject({
      name: "SourceError",
      kind: "empty",
      message: 'metric users: selector "#user-count" matched nothing: the page has changed',
    });
  });

  it("reads JSON through the same registry", async () => {
    const config = source(
      `{ kind: http-json, metric: users, name: Users, type: counter, url: "${server.url}/api/stats", path: users.total }`,
    );
    expect(await readMetric(config)).toEqual({ value: 741_233 });
  });

  it.each(["prometheus", "html"])("refuses an error status from a %s source", async (kind) => {
    const extra = kind === "html" ? "selector: p" : "series: up";
    const config = source(
      `{ kind: ${kind}, metric: m, name: M, type: gauge, url: "${server.url}/down", ${extra} }`,
    );
    await expect(readMetric(config)).rejects.toMatchObject({
      kind: "http",
      message: `metric m: ${server.url}/down answered HTTP 503`,
    });
  });

  it("gives up on a source slower than its timeout", async () => {
    const config = source(
      `{ kind: prometheus, metric: m, name: M, type: gauge, url: "${server.url}/slow", series: up, timeout: 300ms }`,
    );
    await expect(readMetric(config)).rejects.toMatchObject({
      kind: "timeout",
      message: expect.stringMatching(/no answer from .*\/slow within 300 ms/),
    });
  });
});

describe("through the launch simulator", () => {
  let simulator: FrozenSimulator;
  beforeAll(async () => {
    simulator = await startFrozenSimulator(19.5);
  });
  afterAll(() => simulator?.close());

  const prometheus = (entry: string) =>
    source(
      `{ kind: prometheus, metric: signups, name: Signups, type: counter, url: "${simulator.url}/metrics", ${entry} }`,
    );

  it("reads the signup counters and sees the restart after a down window as a new start", async () => {
    const signups = prometheus("series: stashbox_signups_total, aggregate: sum");
    const before = await readMetric(signups);
    const t1 = simulator.simulatedNow();
    expect(before).toEqual({
      value: processCountersAt(simulator.scenario, t1).signups.total,
      startedAt: lastRestartAt(simulator.scenario, t1),
    });

    simulator.setHour(21); // the api was down 20:00–20:35 and the process restarted
    const after = await readMetric(signups);
    const t2 = simulator.simulatedNow();
    expect(after).toEqual({
      value: processCountersAt(simulator.scenario, t2).signups.total,
      startedAt: new Date("2026-01-20T20:35:00Z"),
    });
    expect(after.value).toBeLessThan(before.value);
    expect(after.startedAt!.getTime()).toBeGreaterThan(before.startedAt!.getTime());
  });

  it("reads one plan's counter and the users gauge", async () => {
    simulator.setHour(30);
    const t = simulator.simulatedNow();
    const pro = prometheus("series: stashbox_signups_total, labels: { plan: pro }");
    expect((await readMetric(pro)).value).toBe(
      processCountersAt(simulator.scenario, t).signups.pro,
    );
    const users = prometheus("series: stashbox_users_total");
    expect((await readMetric(users)).value).toBe(usersAt(simulator.scenario, t));
  });

  it("reads the stats page and the stats API", async () => {
    simulator.setHour(48);
    const users = usersAt(simulator.scenario, simulator.simulatedNow());
    const html = source(
      `{ kind: html, metric: users, name: Users, type: counter, url: "${simulator.url}/stats", selector: "#user-count" }`,
    );
    expect(await readMetric(html)).toEqual({ value: users });
    const api = source(
      `{ kind: http-json, metric: users, name: Users, type: counter, url: "${simulator.url}/api/stats", path: users.total }`,
    );
    expect(await readMetric(api)).toEqual({ value: users });
  });

  it("refuses the answers of a service that is down", async () => {
    simulator.setHour(2.75);
    await expect(readMetric(prometheus("series: stashbox_users_total"))).rejects.toMatchObject({
      kind: "http",
      message: expect.stringContaining("/metrics answered HTTP 503"),
    });
    const html = source(
      `{ kind: html, metric: users, name: Users, type: counter, url: "${simulator.url}/stats", selector: "#user-count" }`,
    );
    await expect(readMetric(html)).rejects.toMatchObject({
      kind: "http",
      message: expect.stringContaining("/stats answered HTTP 502"),
    });
  });
});

describe("from the service's own PostgreSQL", () => {
  let database: TestDatabase;
  const sql = (query: string, timeout = "5s") =>
    source(
      `{ kind: sql, metric: users, name: Users, type: counter, connectionEnv: STASHBOX_DB_URL, timeout: ${timeout}, query: ${JSON.stringify(query)} }`,
    );
  const userCount = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users")).rows[0]!.n;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`
      CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, plan text NOT NULL,
                          storage_gb numeric NOT NULL);
      INSERT INTO users (email, plan, storage_gb)
      SELECT 'user' || i || '@example.test', CASE WHEN i % 25 = 0 THEN 'pro' ELSE 'free' END, i * 0.5
      FROM generate_series(1, 1234) AS i;`);
    await client.end();
    process.env.STASHBOX_DB_URL = database.url;
  });
  afterAll(async () => {
    delete process.env.STASHBOX_DB_URL;
    await database?.drop();
  });

  it("reads a count (a bigint, which pg returns as a string)", async () => {
    expect(await readMetric(sql("SELECT count(*) FROM users"))).toEqual({ value: 1234 });
    expect(await readMetric(sql("SELECT count(*) FROM users WHERE plan = 'pro'"))).toEqual({
      value: 49,
    });
  });

  it("reads a numeric", async () => {
    expect((await readMetric(sql("SELECT sum(storage_gb) FROM users"))).value).toBe(380_997.5);
  });

  it("reports a failing query", async () => {
    await expect(readMetric(sql("SELECT count(*) FROM accounts"))).rejects.toMatchObject({
      kind: "http",
      message: 'metric users: query failed: relation "accounts" does not exist (42P01)',
    });
  });

  it("stops a query that runs longer than the timeout", async () => {
    const started = performance.now();
    await expect(readMetric(sql("SELECT pg_sleep(2)", "200ms"))).rejects.toMatchObject({
      kind: "timeout",
      message: "metric users: query ran longer than 200 ms",
    });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it.each([
    ["two rows", "SELECT id FROM users ORDER BY id LIMIT 2", "query returned 2 rows, not one"],
    ["no row", "SELECT id FROM users WHERE false", "query returned 0 rows, not one"],
    ["two columns", "SELECT count(*), max(id) FROM users", "query returned 2 columns, not one"],
    ["text", "SELECT email FROM users WHERE id = 1", 'query returned "user1@example.test"'],
    ["NULL", "SELECT max(id) FROM users WHERE false", "query returned NULL"],
  ])("refuses %s as a bad answer", async (_name, query, message) => {
    await expect(readMetric(sql(query))).rejects.toMatchObject({
      kind: "parse",
      message: expect.stringContaining(message),
    });
  });

  it.each([
    ["an INSERT", "INSERT INTO users (email, plan, storage_gb) VALUES ('x@y.test', 'free', 0)"],
    ["a writing CTE", "WITH gone AS (DELETE FROM users RETURNING 1) SELECT count(*) FROM gone"],
    ["a DO block", "DO $$ BEGIN UPDATE users SET plan = 'pro'; END $$"],
  ])("refuses %s: the transaction is read-only", async (_name, query) => {
    await expect(readMetric(sql(query))).rejects.toMatchObject({
      kind: "http",
      message: expect.stringMatching(
        /cannot execute (INSERT|SELECT|UPDATE) in a read-only transaction/,
      ),
    });
    expect(await userCount()).toBe(1234);
  });

  it("refuses a second statement that would step out of the transaction", async () => {
    const escape = "COMMIT; DELETE FROM users; SELECT 1";
    await expect(readMetric(sql(escape))).rejects.toMatchObject({
      kind: "http",
      message: expect.stringContaining("cannot insert multiple commands into a prepared statement"),
    });
    expect(await userCount()).toBe(1234);
  });

  it("stops at once when the caller aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error("job timed out")), 100);
    await expect(readMetric(sql("SELECT pg_sleep(5)"), controller.signal)).rejects.toThrow(
      "job timed out",
    );
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("reports a database it cannot reach without showing the connection string", async () => {
    process.env.STASHBOX_OTHER_DB_URL = `postgresql://stash:s3cret-pass@127.0.0.1:${await freePort()}/stashbox`;
    const config = source(
      `{ kind: sql, metric: users, name: Users, type: counter, connectionEnv: STASHBOX_OTHER_DB_URL, query: "SELECT 1" }`,
    );
    const error = await readMetric(config).then(
      () => new Error("expected the read to fail"),
      (e: unknown) => e as Error,
    );
    delete process.env.STASHBOX_OTHER_DB_URL;
    expect(error).toMatchObject({
      kind: "http",
      message: expect.stringContaining(
        "could not connect to the database in STASHBOX_OTHER_DB_URL: connect ECONNREFUSED",
      ),
    });
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toMatch(
      /s3cret|stash:/,
    );
    expect(error.cause).toBeUndefined();
  });

  it("names the variable when it is not set", async () => {
    const config = source(
      `{ kind: sql, metric: users, name: Users, type: counter, connectionEnv: STASHBOX_MISSING_DB_URL, query: "SELECT 1" }`,
    );
    await expect(readMetric(config)).rejects.toThrow(
      "Environment variable STASHBOX_MISSING_DB_URL is not set",
    );
  });
});
