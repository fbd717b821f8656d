// The running Liftoff's state file, <data>/liftoff.json: written by `npm start` as it begins
// (ready: false) and again with the banner (ready: true), removed when it stops. A second start
// reads it to refuse, and `liftoff status` to print the banner again. A file whose launcher is
// gone (killed hard, the machine restarted) is stale and simply replaced.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { argumentsOf, isAlive } from "@/lib/process/procfs";

export type LaunchState = {
  pid: number;
  /** The address to open. */
  url: string;
  /** The port the web front listens on, for the liveness check. */
  port: number;
  /** ISO time the launcher began. */
  started: string;
  /** e.g. "embedded PostgreSQL in /home/me/liftoff/data". */
  database: string;
  /** The file holding the demo account's sign-in, when there is one. */
  demoSignIn: string | null;
  ready: boolean;
};

export function statePath(dataDir: string): string {
  return path.resolve(dataDir, "liftoff.json");
}

export function readState(dataDir: string): LaunchState | null {
  try {
    return JSON.parse(readFileSync(statePath(dataDir), "utf8")) as LaunchState;
  } catch {
    return null;
  }
}

/** Whether `pid` is a live Liftoff launcher (a pid reused by another program does not count). */
export function isLauncher(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const args = argumentsOf(pid);
  // No /proc (macOS): a live pid is the best we know.
  return (
    args === null || (args.some((arg) => arg.endsWith("liftoff.ts")) && args.includes("start"))
  );
}

/** The state of the Liftoff running on this data folder, or null when none is. */
export function runningLiftoff(dataDir: string): LaunchState | null {
  const state = readState(dataDir);
  return state && state.pid !== process.pid && isLauncher(state.pid) ? state : null;
}

/**
 * Takes the data folder for this launcher: writes the state file unless a live launcher holds it
 * (created exclusively, so of two starts at once one wins). Returns the other one's state.
 */
export function claimState(dataDir: string, state: LaunchState): LaunchState | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(statePath(dataDir), JSON.stringify(state), { flag: "wx" });
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const other = runningLiftoff(dataDir);
      if (other) return other;
      rmSync(statePath(dataDir), { force: true }); // left by a launcher that is gone
    }
  }
  return runningLiftoff(dataDir) ?? state;
}

export function writeState(dataDir: string, state: LaunchState): void {
  writeFileSync(statePath(dataDir), JSON.stringify(state));
}

/** Removes the state file if it is this process's. */
export function releaseState(dataDir: string): void {
  if (readState(dataDir)?.pid === process.pid) rmSync(statePath(dataDir), { force: true });
}

/** Whether the web front on `port` answers (any answer below 500). */
export async function answers(port: number, signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/sign-in`, {
      redirect: "manual",
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(2_000)])
        : AbortSignal.timeout(2_000),
    });
    await response.body?.cancel();
    return response.status < 500;
  } catch {
    return false;
  }
}

/** What `npm start` prints last and `liftoff status` prints again. */
export function banner(state: LaunchState, headline: string, demoLine?: string | null): string {
  const lines = [
    `  ${headline}`,
    `  Database: ${state.database}`,
    demoLine
      ? `  Demo sign-in: ${demoLine}`
      : state.demoSignIn
        ? `  Demo sign-in: see ${state.demoSignIn}`
        : null,
    `  Stop it with Ctrl-C (or kill ${state.pid}); \`npm run status\` prints this again.`,
  ];
  return `\n${lines.filter((line) => line !== null).join("\n")}\n\n`;
}
