// What a process is, from outside it: alive or not, its parent, its command line. Linux's /proc
// answers the last two; elsewhere they are unknown (null), and callers fall back to liveness.
import { readFileSync } from "node:fs";

/** Whether `pid` runs (EPERM: alive, but another user's, like the postgres user's as root). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** /proc/<pid>/<file>, or null where there is no /proc or no such process. */
export function procFile(pid: number | string, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** The parent of `pid`, or null when unknown. */
export function parentOf(pid: number | string): number | null {
  // The command name (field 2) may hold spaces and parentheses: read after its last ")".
  const stat = procFile(pid, "stat");
  return stat === null ? null : Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** The arguments `pid` was started with, or null when unknown. */
export function argumentsOf(pid: number | string): string[] | null {
  const cmdline = procFile(pid, "cmdline");
  return cmdline === null ? null : cmdline.split("\0").filter(Boolean);
}
