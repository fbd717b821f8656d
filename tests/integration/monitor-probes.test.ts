// Probes against real local servers that misbehave the ways services do during a launch: answers
// that hang, floods, redirect loops, bad certificates, names that do not resolve, closed ports.
// Each fault must end as a check with its reason, within the monitor's timeout.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createTcpServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMonitors } from "@/jobs/check-monitors";
import type { JobContext } from "@/jobs/types";
import { type LoadedConfig, parseConfig } from "@/lib/config";
import type { MonitorConfig } from "@/lib/config/schema";
import { syncConfig } from "@/lib/setup/sync-config";
import { latestSlot } from "@/lib/uptime/check-slots";
import { probeMonitor, type ProbeOptions } from "@/lib/uptime/probe-monitor";
import { claimDueMonitors } from "@/lib/uptime/probes-in-flight";
import { recordCheck } from "@/lib/uptime/record-check";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/free-port";
import { type Handler, startHttpServer } from "../support/http-server";
import { captureLogger } from "../support/logger";

let dir: string;
let web: Awaited<ReturnType<typeof startHttpServer>>;
let closedPort: number;
const servers: Server[] = [];
/** Ports of the TLS servers, by the certificate they present. */
const tlsPort: Record<"valid" | "soon" | "expired" | "selfSigned" | "silent", number> = {
  valid: 0,
  soon: 0,
  expired: 0,
  selfSigned: 0,
  silent: 0,
};
let ca: string;

function openssl(...args: string[]) {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

/** A CA, leaf certificates it signs for 127.0.0.1 and localhost (valid, expiring, expired), and a
 *  self-signed one. openssl 3.0 has no -not_after; `-days -1` gives a notAfter a day in the past. */
function makeCertificates() {
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650", "-subj", "/CN=Liftoff Test CA", "-keyout", "ca.key", "-out", "ca.pem"); // prettier-ignore
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "leaf.key", "-out", "leaf.csr"); // prettier-ignore
  execFileSync("sh", ["-c", 'printf "subjectAltName=DNS:localhost,IP:127.0.0.1\\n" > san.cnf'], { cwd: dir }); // prettier-ignore
  for (const [name, days] of [
    ["valid", "365"],
    ["soon", "5"],
    ["expired", "-1"],
  ]) {
    openssl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", days!, "-extfile", "san.cnf", "-out", `${name}.pem`); // prettier-ignore
  }
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", "self.key", "-out", "self.pem"); // prettier-ignore
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** An HTTPS server presenting `cert`, answering "Stashbox". */
function httpsServer(cert: string, key: string) {
  return createHttpsServer(
    { cert: readFileSync(path.join(dir, cert)), key: readFileSync(path.join(dir, key)) },
    (_req, res) => res.end("Stashbox"),
  );
}

/** Sends `bytes` of body as fast as the client reads, stopping when it hangs up. */
const flood =
  (bytes: number, declare: boolean): Handler =>
  (_req, res) => {
    res.writeHead(200, declare ? { "content-length": String(bytes) } : {});
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "liftoff-probes-"));
  makeCertificates();
  ca = readFileSync(path.join(dir, "ca.pem"), "utf8");
  web = await startHttpServer({
    "/": (_req, res) => res.end("<h1>Stashbox</h1>"),
    "/slow": (_req, res) => setTimeout(() => res.end("Stashbox"), 300),
    "/hangs-after-headers": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<h1>Stash");
    },
    "/never-answers": () => {},
    "/sends-50mb": flood(50 * 1024 * 1024, false),
    "/declares-50mb": flood(50 * 1024 * 1024, true),
    "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
    "/hop/1": (_req, res) => res.writeHead(301, { location: "/hop/2" }).end(),
    "/hop/2": (_req, res) => res.writeHead(307, { location: "/hop/3" }).end(),
    "/hop/3": (_req, res) => res.writeHead(303, { location: "/" }).end(),
  });
  closedPort = await freePort();
  tlsPort.valid = await listen(httpsServer("valid.pem", "leaf.key"));
  tlsPort.soon = await listen(httpsServer("soon.pem", "leaf.key"));
  tlsPort.expired = await listen(httpsServer("expired.pem", "leaf.key"));
  tlsPort.selfSigned = await listen(httpsServer("self.pem", "self.key"));
  // Accepts connections and never says a word: a TLS handshake with it cannot finish.
  tlsPort.silent = await listen(createTcpServer(() => {}));
});

afterAll(async () => {
  await web?.close();
  for (const server of servers) {
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A monitor as the configuration file would declare it, with every default filled in. */
function monitor(yaml: string): MonitorConfig {
  return parseConfig(`service: { name: S, domain: s.test }\nmonitors: [${yaml}]`, "t.yaml")
    .monitors[0]!;
}

async function timed(m: MonitorConfig, options?: ProbeOptions) {
  const started = performance.now();
  const result = await probeMonitor(m, options);
  return { ...result, tookMs: performance.now() - started };
}

/** `more` may override the default timeout. */
const withTimeout = (more: string, timeout: string) =>
  /timeout:/.test(more) ? more : `${more}, timeout: ${timeout}`;

const http = (urlPath: string, more = "") =>
  monitor(
    `{ key: m, name: M, type: http, url: "${web.url}${urlPath}" ${withTimeout(more, "800ms")} }`,
  );

describe("HTTP probes", () => {
  it("is up with the status, the keyword and the latency", async () => {
    const result = await timed(http("/", ", keyword: Stashbox"));
    expect(result).toMatchObject({ status: "up", httpStatus: 200, error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("is degraded when slower than degradedAfter, saying how slow", async () => {
    const result = await timed(http("/slow", ", degradedAfter: 100ms"));
    expect(result).toMatchObject({ status: "degraded", httpStatus: 200 });
    expect(result.error).toMatch(/^slow: answered in \d+ ms, over the 100 ms limit$/);
  });

  it("follows redirects up to maxRedirects, and no further", async () => {
    expect(await timed(http("/hop/1", ", keyword: Stashbox"))).toMatchObject({
      status: "up",
      httpStatus: 200,
    });
    expect(await timed(http("/hop/1", ", maxRedirects: 2"))).toMatchObject({
      status: "down",
      httpStatus: 303,
      error: `more than 2 redirects (the last to ${web.url}/)`,
    });
  });

  it("fails a redirect loop at the limit, quickly", async () => {
    const result = await timed(http("/loop"));
    expect(result).toMatchObject({
      status: "down",
      httpStatus: 302,
      error: `more than 5 redirects (the last to ${web.url}/loop)`,
    });
    expect(result.tookMs).toBeLessThan(800);
  });

  it("takes the redirect itself as the answer with maxRedirects 0", async () => {
    expect(await timed(http("/hop/1", ", maxRedirects: 0"))).toMatchObject({
      status: "down",
      httpStatus: 301,
      error: "unexpected HTTP 301",
    });
    expect(await timed(http("/hop/1", ", maxRedirects: 0, expectStatus: [301]"))).toMatchObject({
      status: "up",
      httpStatus: 301,
    });
  });

  it("fails at the timeout when the server sends its headers and then hangs", async () => {
    const result = await timed(http("/hangs-after-headers", ", keyword: Stashbox"));
    expect(result).toMatchObject({
      status: "down",
      error: "timed out after 800 ms reading the body of an HTTP 200 answer",
    });
    expect(result.tookMs).toBeGreaterThanOrEqual(750);
    expect(result.tookMs).toBeLessThan(1_500);
  });

  it("fails at the timeout when the server never answers", async () => {
    const result = await timed(http("/never-answers"));
    expect(result).toMatchObject({
      status: "down",
      latencyMs: null,
      error: `timed out after 800 ms waiting for ${web.url}`,
    });
    expect(result.tookMs).toBeLessThan(1_500);
  });

  it("refuses a 50 MB body without reading it, well within the timeout", async () => {
    const streamed = await timed(http("/sends-50mb", ", timeout: 5s"));
    expect(streamed).toMatchObject({ status: "down", error: "answer is over the 2 MiB limit" });
    expect(streamed.tookMs).toBeLessThan(2_000);
    const declared = await timed(http("/declares-50mb", ", timeout: 5s"));
    expect(declared).toMatchObject({
      status: "down",
      error: "answer of 50 MiB is over the 2 MiB limit",
    });
    expect(declared.tookMs).toBeLessThan(1_000);
  });

  it("names a DNS failure", async () => {
    const result = await timed(
      monitor(`{ key: m, name: M, type: http, url: "http://liftoff-probe.invalid/", timeout: 2s }`),
    );
    expect(result.status).toBe("down");
    expect(result.error).toMatch(
      /^DNS lookup failed.* liftoff-probe\.invalid.*\((ENOTFOUND|EAI_AGAIN)\)$|^timed out/,
    );
  });

  it("names a refused connection", async () => {
    const result = await timed(
      monitor(`{ key: m, name: M, type: http, url: "http://127.0.0.1:${closedPort}/" }`),
    );
    expect(result).toMatchObject({
      status: "down",
      error: `connection refused by 127.0.0.1:${closedPort} (ECONNREFUSED)`,
    });
  });

  it("names an expired or self-signed certificate on https", async () => {
    const https = (port: number) =>
      monitor(`{ key: m, name: M, type: http, url: "https://127.0.0.1:${port}/", timeout: 2s }`);
    expect(await timed(https(tlsPort.expired))).toMatchObject({
      status: "down",
      error: "certificate has expired (CERT_HAS_EXPIRED)",
    });
    expect(await timed(https(tlsPort.selfSigned))).toMatchObject({
      status: "down",
      error: "certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)",
    });
    expect(await timed(https(tlsPort.valid))).toMatchObject({
      status: "down",
      error: "certificate's issuer is unknown or not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)",
    });
    expect(await timed(https(tlsPort.valid), { ca: [ca] })).toMatchObject({
      status: "up",
      httpStatus: 200,
    });
  });

  it("stops at once, recording nothing, when the job is stopped", async () => {
    const job = new AbortController();
    setTimeout(() => job.abort(new Error("the job timed out")), 100);
    const started = performance.now();
    await expect(
      probeMonitor(http("/never-answers", ", timeout: 5s"), { signal: job.signal }),
    ).rejects.toThrow("the job timed out");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("TCP probes", () => {
  const tcp = (host: string, port: number) =>
    monitor(`{ key: m, name: M, type: tcp, host: "${host}", port: ${port}, timeout: 2s }`);

  it("is up when the port accepts a connection, with its latency", async () => {
    const result = await timed(tcp("127.0.0.1", Number(new URL(web.url).port)));
    expect(result).toMatchObject({ status: "up", httpStatus: null, error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("is down when the port is closed or the name does not resolve", async () => {
    expect(await timed(tcp("127.0.0.1", closedPort))).toMatchObject({
      status: "down",
      latencyMs: null,
      error: `connection refused by 127.0.0.1:${closedPort} (ECONNREFUSED)`,
    });
    expect((await timed(tcp("liftoff-probe.invalid", 5432))).error).toMatch(
      /^DNS lookup failed|^timed out/,
    );
  });
});

describe("TLS probes", () => {
  const tls = (port: number, more = "") =>
    monitor(
      `{ key: m, name: M, type: tls, host: 127.0.0.1, port: ${port}, serverName: localhost ${withTimeout(more, "2s")} }`,
    );

  it("is up for a trusted certificate far from expiry, with the handshake's latency", async () => {
    const result = await timed(tls(tlsPort.valid), { ca: [ca] });
    expect(result).toMatchObject({ status: "up", error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("warns (degraded) when the certificate expires within warnDays", async () => {
    const result = await timed(tls(tlsPort.soon, ", warnDays: 14"), { ca: [ca] });
    expect(result.status).toBe("degraded");
    expect(result.error).toMatch(/^certificate expires in [45] days \(\d{4}-\d\d-\d\d\)$/);
    expect(result.latencyMs).not.toBeNull();
    expect((await timed(tls(tlsPort.soon, ", warnDays: 3"), { ca: [ca] })).status).toBe("up");
  });

  it("is down for an expired certificate, saying since when", async () => {
    const result = await timed(tls(tlsPort.expired), { ca: [ca] });
    expect(result.status).toBe("down");
    expect(result.error).toMatch(/^certificate expired on \d{4}-\d\d-\d\d$/);
    expect(result.latencyMs).not.toBeNull();
  });

  it("is down for an untrusted, self-signed or misnamed certificate", async () => {
    expect(await timed(tls(tlsPort.valid))).toMatchObject({
      status: "down",
      error: "certificate's issuer is unknown or not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)",
    });
    expect(await timed(tls(tlsPort.selfSigned))).toMatchObject({
      status: "down",
      error: "certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)",
    });
    const misnamed = monitor(
      `{ key: m, name: M, type: tls, host: 127.0.0.1, port: ${tlsPort.valid}, serverName: www.stashbox.test }`,
    );
    expect(await timed(misnamed, { ca: [ca] })).toMatchObject({
      status: "down",
      error: "certificate does not match the host name (ERR_TLS_CERT_ALTNAME_INVALID)",
    });
  });

  it("fails at the timeout when the handshake never finishes", async () => {
    const result = await timed(tls(tlsPort.silent, ", timeout: 600ms"));
    expect(result).toMatchObject({
      status: "down",
      latencyMs: null,
      error: `timed out after 600 ms in the TLS handshake with 127.0.0.1:${tlsPort.silent}`,
    });
    expect(result.tookMs).toBeLessThan(1_300);
  });
});

describe("check-monitors with misbehaving services", () => {
  let database: TestDatabase;
  let config: LoadedConfig;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = web.url;
    config = parseConfig(
      `service: { name: S, domain: s.test }
monitors:
  - { key: fast, name: Fast, type: http, url: "${url}/", keyword: Stashbox, timeout: 1s, interval: 10s }
  - { key: hangs, name: Hangs, type: http, url: "${url}/hangs-after-headers", timeout: 1500ms, interval: 10s }
  - { key: flood, name: Flood, type: http, url: "${url}/sends-50mb", timeout: 1500ms, interval: 10s }
  - { key: loop, name: Loop, type: http, url: "${url}/loop", timeout: 1500ms, interval: 10s }
  - { key: dns, name: DNS, type: http, url: "http://liftoff-probe.invalid/", timeout: 1500ms, interval: 10s }
  - { key: refused, name: Refused, type: http, url: "http://127.0.0.1:${closedPort}/", timeout: 1500ms, interval: 10s }
  - { key: expired, name: Expired, type: http, url: "https://127.0.0.1:${tlsPort.expired}/", timeout: 1500ms, interval: 10s }
  - { key: port, name: Port, type: tcp, host: 127.0.0.1, port: ${closedPort}, timeout: 1500ms, interval: 10s }
  - { key: cert, name: Cert, type: tls, host: 127.0.0.1, port: ${tlsPort.selfSigned}, timeout: 1500ms, interval: 10s }
  - { key: silent, name: Silent, type: tls, host: 127.0.0.1, port: ${tlsPort.silent}, timeout: 1500ms, interval: 10s }
`,
      "t.yaml",
    );
    await syncConfig(database.db, config);
  });
  afterAll(() => database?.drop());

  function context(monitors: MonitorConfig[], signal = new AbortController().signal) {
    const counts: Record<string, number> = {};
    const ctx: JobContext = {
      runId: 0n,
      db: database.db,
      config: { ...config, monitors },
      log: captureLogger().log,
      signal,
      deadline: new Date(Date.now() + 60_000),
      inProgress: new Set(),
      count: (name, by = 1) => void (counts[name] = (counts[name] ?? 0) + by),
      warn: () => undefined,
    };
    return { ctx, counts };
  }

  const checksOf = async () =>
    Object.fromEntries(
      (
        await database.db.check.findMany({
          include: { monitor: { select: { key: true } } },
          orderBy: { at: "asc" },
        })
      ).map((c) => [c.monitor.key, { status: c.status, error: c.error }]),
    );

  it("records every fault with its reason, all at once, within the longest timeout", async () => {
    const { ctx, counts } = context(config.monitors);
    const started = performance.now();
    await checkMonitors.run(ctx);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(counts).toMatchObject({ checks_up: 1, checks_down: 9, failed: 0 });
    const port = (p: number) => `127.0.0.1:${p}`;
    expect(await checksOf()).toMatchObject({
      fast: { status: 0, error: null },
      // On a busy machine the probe's backstop may speak first; either way it ends at its timeout.
      hangs: {
        status: 2,
        error: expect.stringMatching(
          /^(timed out after 1500 ms reading the body of an HTTP 200 answer|probe did not finish within 1500 ms)$/,
        ),
      },
      flood: { status: 2, error: "answer is over the 2 MiB limit" },
      loop: { status: 2, error: `more than 5 redirects (the last to ${web.url}/loop)` },
      dns: { status: 2, error: expect.stringMatching(/^DNS lookup failed|^timed out/) },
      refused: { status: 2, error: `connection refused by ${port(closedPort)} (ECONNREFUSED)` },
      expired: { status: 2, error: "certificate has expired (CERT_HAS_EXPIRED)" },
      port: { status: 2, error: `connection refused by ${port(closedPort)} (ECONNREFUSED)` },
      cert: { status: 2, error: "certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)" },
      silent: {
        status: 2,
        error: expect.stringMatching(
          new RegExp(
            `^(timed out after 1500 ms in the TLS handshake with ${port(tlsPort.silent)}|probe did not finish within 1500 ms)$`,
          ),
        ),
      },
    });
  });

  it("lets a fast monitor's check through while a slow one hangs, and never probes one twice at once", async () => {
    await database.db.$executeRaw`TRUNCATE "check", check_rollup, outage CASCADE`;
    const pick = (...keys: string[]) => config.monitors.filter((m) => keys.includes(m.key));
    const hangsBefore = web.requests.filter((r) => r.path === "/hangs-after-headers").length;
    const first = context(pick("fast", "hangs"));
    const started = performance.now();
    const firstRun = checkMonitors.run(first.ctx);
    // The fast monitor's check is stored long before the slow one gives up.
    await expect
      .poll(() => database.db.check.count({ where: { monitor: { key: "fast" } } }), {
        timeout: 1_000,
        interval: 20,
      })
      .toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
    // A second run meanwhile leaves the slow monitor to the probe already going.
    const second = context(pick("fast", "hangs"));
    await checkMonitors.run(second.ctx);
    // Nothing probed: the slow one is in flight, the fast one in flight or done (not due).
    expect(second.counts).toMatchObject({ failed: 0 });
    expect(second.counts.checks_in_flight).toBeGreaterThanOrEqual(1);
    expect(Object.keys(second.counts).filter((name) => name.startsWith("checks_"))).toEqual([
      "checks_in_flight",
    ]);
    await firstRun;
    expect(first.counts).toMatchObject({ checks_up: 1, checks_down: 1 });
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(web.requests.filter((r) => r.path === "/hangs-after-headers").length).toBe(
      hangsBefore + 1,
    );
  });
  it("makes a monitor due at its next slot after a stored check, and claims it once", async () => {
    await database.db.$executeRaw`TRUNCATE "check", check_rollup, outage CASCADE`;
    const fast = config.monitors.filter((m) => m.key === "fast");
    const slot = latestSlot({ key: "fast", intervalMs: 10_000 }, new Date()).getTime();
    const up = { status: "up", latencyMs: 5, httpStatus: 200, error: null } as const;
    await recordCheck(database.db, "fast", new Date(slot + 1_000), up);
    const before = await claimDueMonitors(database.db, fast, new Date(slot + 9_900));
    expect(before).toEqual({ due: [], inFlight: 0 });
    const after = await claimDueMonitors(database.db, fast, new Date(slot + 10_000));
    expect(after.due.map((d) => d.monitor.key)).toEqual(["fast"]);
    // Claimed for this probe: a run meanwhile finds it in flight, not due.
    const meanwhile = await claimDueMonitors(database.db, fast, new Date(slot + 10_000));
    expect(meanwhile).toEqual({ due: [], inFlight: 1 });
    after.due.forEach((d) => d.release());
  });
});
