// Real child processes of Liftoff's CLI, with their output kept for assertions, and the process
// tree below one of them (what must be gone after a stop).
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { argumentsOf, parentOf, procFile } from "@/lib/process/procfs";

export const root = path.resolve(import.meta.dirname, "../..");

export type Cli = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves when `text` appears in the output; rejects if the process exits first. */
  waitFor: (text: string, timeoutMs: number) => Promise<void>;
};

/** Starts `bin/liftoff.ts <args>` under tsx with the given environment. */
export function startCli(args: string[], env: Record<string, string>): Cli {
  return watch(
    spawn(process.execPath, ["--import", "tsx", path.join(root, "bin/liftoff.ts"), ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/**
 * Runs `npm <args>` (as a person types `npm start`) as the leader of a process group of its own,
 * so a test can signal the group as a terminal does (`process.kill(-child.pid, "SIGINT")`).
 */
export function startNpm(args: string[], env: Record<string, string>): Cli {
  return watch(
    spawn("npm", args, {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    }),
  );
}

function watch(child: ChildProcess): Cli {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const waitFor = (text: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.includes(text)) return;
        cleanup();
        resolve();
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`exited with ${code} before printing "${text}":\n${output}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`"${text}" not printed within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        child.stderr?.off("data", check);
        child.off("exit", onExit);
      };
      // Registered after the listeners above, so `output` already holds the new chunk.
      child.stdout?.on("data", check);
      child.stderr?.on("data", check);
      child.once("exit", onExit);
      check();
    });
  return { child, output: () => output, exited, waitFor };
}

export type TreeProcess = { pid: number; command: string };

/** Every live process below `pid` (not `pid` itself), from /proc. Linux only. */
export function descendants(pid: number): TreeProcess[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: TreeProcess[] = [];
  const visit = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      const command = (argumentsOf(child) ?? []).join(" ");
      found.push({ pid: child, command });
      visit(child);
    }
  };
  visit(pid);
  return found;
}

/** Whether `pid` runs (a zombie, dead but not yet reaped, does not count). */
export function isRunning(pid: number): boolean {
  const stat = procFile(pid, "stat");
  return stat !== null && stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
}

/** Resolves with the milliseconds it took until none of `pids` runs; rejects after `timeoutMs`. */
export async function waitUntilGone(
  processes: TreeProcess[],
  timeoutMs: number,
  since = performance.now(),
): Promise<number> {
  for (;;) {
    const left = processes.filter((p) => isRunning(p.pid));
    if (left.length === 0) return performance.now() - since;
    if (performance.now() - since > timeoutMs) {
      const names = left.map((p) => `${p.pid} ${p.command}`).join("\n");
      throw new Error(`still running after ${timeoutMs} ms:\n${names}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The JSON log lines at error level or above in `output` (Liftoff logs JSON into a pipe). */
export function errorLines(output: string): string[] {
  return output.split("\n").filter((line) => {
    if (!line.startsWith("{")) return false;
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return false;
    }
  });
}
