// Real child processes of Liftoff's CLI, with their output kept for assertions.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

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
