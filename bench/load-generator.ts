// Load for the status benchmark, from a process of its own so it never shares the server's event
// loop: wrk when it is installed (`apt-get install wrk`), else autocannon from node_modules.
// wrk is preferred: autocannon's own handling of each response body costs it more than the server
// spends on it once bodies are compressed (binary), so it measures itself rather than the server
// (on this machine a bare Node server handing out 18 KB of gzip did ~1,300 req/s under autocannon
// and ~9,700 under wrk, against ~11,000 for 18 KB of one repeated byte under either).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** What one load run measured for one URL. */
export type LoadFigures = {
  tool: "wrk" | "autocannon";
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

export type LoadOptions = { duration: number; clients: number; compressed: boolean };

const root = path.resolve(import.meta.dirname, "..");
const wrkPath = "/usr/bin/wrk";
/** What a browser sends: every visitor's browser asks for a compressed answer. */
const browserEncoding = "gzip, deflate, br";

function run(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${path.basename(command)} exited with ${code}:\n${stderr}`)),
    );
  });
}

/** "15.22ms", "812.00us", "1.02s" in milliseconds. */
function wrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: unreadable duration "${text}"`);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
  return Number(match[1]) * scale;
}

export function parseWrk(output: string): LoadFigures {
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  const percentile = (p: number) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(output);
    if (!match) throw new Error(`wrk: no ${p}th percentile in its output:\n${output}`);
    return wrkDuration(match[1]!);
  };
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  return {
    tool: "wrk",
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: percentile(50),
    p99Ms: percentile(99),
    requests: number(/(\d+) requests in/),
    errors: sockets ? Number(sockets[1]) + Number(sockets[2]) + Number(sockets[3]) : 0,
    timeouts: sockets ? Number(sockets[4]) : 0,
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
  };
}

export async function measureLoad(url: string, options: LoadOptions): Promise<LoadFigures> {
  const { duration, clients, compressed } = options;
  if (existsSync(wrkPath)) {
    // One thread: one core for the load, the other for the server, as with autocannon.
    const args = ["-t1", `-c${clients}`, `-d${duration}s`, "--latency", "--timeout", "10s"];
    if (compressed) args.push("-H", `Accept-Encoding: ${browserEncoding}`);
    return parseWrk(await run(wrkPath, [...args, url]));
  }
  const args = ["-c", String(clients), "-d", String(duration), "--json", url];
  if (compressed) args.push("-H", `accept-encoding=${browserEncoding}`);
  const autocannon = path.join(root, "node_modules/autocannon/autocannon.js");
  const result = JSON.parse(
    (await run(process.execPath, [autocannon, ...args])).trim().split("\n").pop()!,
  );
  return {
    tool: "autocannon",
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
