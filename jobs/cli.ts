// `npm run jobs -- list` and `npm run jobs -- run <job>`.
import type { JobSettings, LoadedConfig } from "@/lib/config";
import { nextTick } from "@/lib/config/next-tick";
import type { Database } from "@/lib/database/client";
import type { Logger } from "@/lib/log";
import { syncConfig } from "@/lib/setup/sync-config";
import { findJob, jobs } from "./registry";
import { importRanks } from "./import-ranks";
import type { Job } from "./types";
import { exitCodeOf, exitCodes } from "./exit-codes";
import { runJob } from "./run-job";

type CliDeps = {
  db: Database;
  databaseUrl: string;
  config: LoadedConfig;
  log: Logger;
  print: (line: string) => void;
};

function ago(date: Date | null): string {
  if (!date) return "never";
  const s = Math.round((Date.now() - date.getTime()) / 1000);
  return s < 90
    ? `${s}s ago`
    : s < 5400
      ? `${Math.round(s / 60)}m ago`
      : `${Math.round(s / 3600)}h ago`;
}

/** Prints every job with its schedule, next tick, last run and outcome. Exit code 0. */
export async function listJobs({ db, config, print }: CliDeps): Promise<number> {
  const rows = [["JOB", "SCHEDULE", "NEXT", "LAST RUN", "OUTCOME", "ERROR"]];
  for (const job of Object.values(jobs)) {
    const settings = config.jobs[job.name];
    const last = await db.jobRun.findFirst({
      where: { job: job.name },
      orderBy: { startedAt: "desc" },
    });
    const next = settings.enabled
      ? (nextTick(settings.schedule, config.timezone)?.toISOString() ?? "-")
      : "disabled";
    rows.push([
      job.name,
      settings.schedule,
      next,
      ago(last?.startedAt ?? null),
      last?.outcome ?? "-",
      (last?.error ?? "").split("\n")[0]?.slice(0, 60) ?? "",
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    print(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    );
  return 0;
}

/** Runs one job once through the same wrapper as the worker; its exit code is the outcome's (jobs/exit-codes.ts). */
export async function runJobOnce(name: string | undefined, deps: CliDeps): Promise<number> {
  const job = name ? findJob(name) : undefined;
  if (!job) {
    deps.print(`Unknown job "${name ?? ""}". Jobs: ${Object.keys(jobs).join(", ")}`);
    return exitCodes.usage;
  }
  return runOnce(job, deps.config.jobs[job.name], deps);
}

export type ImportRanksArgs = {
  file: string;
  source?: string;
  domain?: string;
  at?: string;
  preset?: string;
};

const presets = ["alexa-2013", "alexa-2017", "alexa-xml"] as const;

/** Imports a rank history file (CSV, JSON, or an archived page with its source, domain, time and preset). */
export async function importRanksOnce(args: ImportRanksArgs, deps: CliDeps): Promise<number> {
  const isPage = /\.(html?|xml)$/i.test(args.file);
  let options = {};
  if (isPage) {
    const preset = presets.find((p) => p === args.preset);
    const at = args.at ? new Date(args.at) : null;
    if (!args.source || !args.domain || !at || Number.isNaN(at.getTime()) || !preset) {
      deps.print(
        `An archived page needs --source <key> --domain <domain> --at <YYYY-MM-DD or ISO time> --preset <${presets.join("|")}>`,
      );
      return exitCodes.usage;
    }
    options = { page: { source: args.source, domain: args.domain.toLowerCase(), at, preset } };
  }
  const settings = { schedule: "* * * * *", timeout: 600_000, jitter: 0, enabled: true };
  return runOnce(importRanks(args.file, options), settings, deps);
}

async function runOnce(job: Job<string>, settings: JobSettings, deps: CliDeps): Promise<number> {
  await syncConfig(deps.db, deps.config);
  const result = await runJob(job, deps, { trigger: "cli", settings });
  const counts = Object.entries(result.counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  deps.print(
    `${job.name}: ${result.outcome}${counts ? ` (${counts})` : ""}${result.error ? `\n${result.error}` : ""}`,
  );
  return exitCodeOf(result.outcome);
}
