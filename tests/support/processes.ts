// Real child processes of Liftoff's CLI, with their output kept for assertions.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export type Cli = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts `bin/liftoff.ts <args>` under tsx with the given environment. */
export function startCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "bin/liftoff.ts"), ...args],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}
