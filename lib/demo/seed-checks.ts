// The checks a week of check-monitors would have stored for each HTTP monitor the simulator
// serves: one per slot (lib/uptime/check-slots.ts), judged as the HTTP probe judges an answer
// (status, keyword, degradedAfter) from the simulator's in-process answer, latency included (a
// `slow` window holds the answer). Raw checks are kept for checkRetention, and the seeded week is
// well inside it, so every check is written, with its minute, hour and day rollups; then the
// outages they show are recorded by recordOutages, as the job does after each check.
import type { LoadedConfig } from "@/lib/config";
import type { MonitorConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { refreshCheckRollups } from "@/lib/uptime/check-rollups";
import { checkOffsetMs } from "@/lib/uptime/check-slots";
import { checkStatus } from "@/lib/uptime/check-status";
import { judgeAnswer } from "@/lib/uptime/probe-http";
import { down, type ProbeResult } from "@/lib/uptime/probe-result";
import { retentionCutoff } from "@/lib/uptime/prune-checks";
import { recordOutages } from "@/lib/uptime/record-outages";
import { hashUnit } from "@/simulator/model/seeded";
import { bodyText, type DemoSimulator } from "./demo-simulator";

type HttpMonitor = Extract<MonitorConfig, { type: "http" }>;

/** A check runs at the check-monitors tick after its slot: 5 s on, plus the run's jitter. */
const slotToCheckMs = 5_000;
const insertChunk = 20_000;

export type SeededCheck = { monitor: string; at: Date; result: ProbeResult };

/** The HTTP probe's verdict on the simulator's answer at `t` (lib/uptime/probe-http.ts). */
function judgeAt(sim: DemoSimulator, monitor: HttpMonitor, t: Date): ProbeResult {
  const answer = sim.ask(monitor.url, t);
  const latencyMs = Math.round(30 + 110 * hashUnit(monitor.key, t.getTime())) + answer.delayMs;
  if (latencyMs > monitor.timeout) return down(`timed out after ${monitor.timeout} ms`);
  const { status } = answer.answer;
  return judgeAnswer(monitor, { status, body: bodyText(answer), latencyMs });
}

/** The HTTP monitors whose URL is the simulator's. */
export function simulatedMonitors(config: LoadedConfig, sim: DemoSimulator): HttpMonitor[] {
  return config.monitors.filter((m): m is HttpMonitor => m.type === "http" && sim.serves(m.url));
}

/** Every check of the monitor in [from, to]. */
function checksOf(sim: DemoSimulator, monitor: HttpMonitor, from: Date, to: Date): SeededCheck[] {
  const intervalMs = monitor.interval;
  const offset = checkOffsetMs({ key: monitor.key, intervalMs });
  const first = Math.ceil((from.getTime() - offset) / intervalMs) * intervalMs + offset;
  const checks: SeededCheck[] = [];
  for (let slot = first; slot + slotToCheckMs <= to.getTime(); slot += intervalMs) {
    const jitter = Math.floor(hashUnit("jitter", monitor.key, slot) * 900);
    const at = new Date(slot + slotToCheckMs + jitter);
    checks.push({ monitor: monitor.key, at, result: judgeAt(sim, monitor, at) });
  }
  return checks;
}

async function insertChecks(db: Database, monitorId: number, checks: SeededCheck[]) {
  for (let i = 0; i < checks.length; i += insertChunk) {
    const part = checks.slice(i, i + insertChunk);
    await db.$executeRaw`
      INSERT INTO "check" (monitor_id, at, status, latency_ms, http_status, error)
      SELECT ${monitorId}, c.at, c.status, c.latency, c.http, c.error
      FROM unnest(${part.map((c) => c.at.toISOString())}::timestamptz[],
                  ${part.map((c) => checkStatus[c.result.status])}::smallint[],
                  ${part.map((c) => c.result.latencyMs)}::int[],
                  ${part.map((c) => c.result.httpStatus)}::smallint[],
                  ${part.map((c) => c.result.error?.slice(0, 300) ?? null)}::text[])
        AS c(at, status, latency, http, error)
      ON CONFLICT (monitor_id, at) DO NOTHING`;
  }
}

export type SeededChecks = { checks: SeededCheck[]; outages: number };

export async function seedChecks(
  db: Database,
  config: LoadedConfig,
  sim: DemoSimulator,
  from: Date,
  now: Date,
): Promise<SeededChecks> {
  const monitors = simulatedMonitors(config, sim);
  const ids = new Map(
    (await db.monitor.findMany({ select: { id: true, key: true } })).map((m) => [m.key, m.id]),
  );
  // Checks older than the retention would have been pruned already, their rollups kept; the
  // seeded week is normally well inside it.
  const kept = retentionCutoff(now, config.checkRetention);
  const all: SeededCheck[] = [];
  let outages = 0;
  for (const monitor of monitors) {
    const id = ids.get(monitor.key);
    if (id === undefined) continue;
    const checks = checksOf(sim, monitor, from, now);
    all.push(...checks);
    await insertChecks(db, id, checks);
    await refreshCheckRollups(db, id, from, now);
    await db.$executeRaw`DELETE FROM "check" WHERE monitor_id = ${id} AND at < ${kept}`;
    // Looking back from the launch, recordOutages reads every check of the week at once.
    outages += await recordOutages(db, monitor.key, monitor, from);
  }
  return { checks: all, outages };
}
