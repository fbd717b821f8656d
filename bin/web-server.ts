// The web process: a small front server on PORT, with Next.js behind it on a private port.
// The front answers the status page, its API, feeds and badges from memory (the public response
// cache, lib/http/response-cache.ts) and hands every other request to Next.js (http-proxy-3).
// Rendering happens in Next.js's own process, so a render, a slow query or a crash there never
// holds up the copies the crowd is reading: if Next.js exits, the front keeps answering from its
// copies while it starts Next.js again. `npm start` runs this as `liftoff web`; it needs a
// production build (`next build`).
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { createServer as createNetServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { stripVTControlCharacters } from "node:util";
import { createProxyServer } from "http-proxy-3";
import { log } from "@/lib/log";
import { readSnapshotAnnouncement } from "@/lib/http/public-cache-bus";
import { createResponseCache, type StoredResponse } from "@/lib/http/response-cache";
import { statusCacheControl, statusFreshness } from "@/lib/status/freshness";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const fillTimeoutMs = 30_000;
const fillMaxBytes = 8 * 1024 * 1024;

/** Public, the same for every visitor: the status page and everything made from its snapshot. */
export function isCacheablePublicPath(pathname: string): boolean {
  return /^\/status(\/history\/\d{1,4})?$|^\/api\/v2\/[a-z/-]+\.json$|^\/badge(\.svg|\/[\w.-]{1,100})$|^\/feed\/incidents\.(atom|rss)$/.test(
    pathname,
  );
}

/** A port nobody listens on now, on the loopback interface. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Next.js's own startup lines name its private address ("- Local: http://127.0.0.1:40123"),
 * which is not where visitors go: those are dropped, the rest passes through as it is.
 */
const nextStartupLine =
  /^\s*$|^\s*▲ Next\.js|^\s*- (Local|Network|Environments?|Experiments?):|^\s*✓ (Starting|Ready in|Running next\.config)/;

function forwardNextOutput(child: ChildProcess, appPort: number): void {
  if (!child.stdout) return;
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
    const text = stripVTControlCharacters(line); // coloured when the terminal is
    if (!nextStartupLine.test(text)) process.stdout.write(`${line}\n`);
    else if (/✓ Ready in/.test(text)) log.debug(`Next.js ready on its private port ${appPort}`);
  });
}

/** GETs `pathname` from Next.js itself: what a copy is made from. */
function fillFrom(target: () => number, agent: Agent) {
  return (pathname: string): Promise<StoredResponse> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: target(), path: pathname, agent },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > fillMaxBytes) req.destroy(new Error(`${pathname} is over 8 MiB`));
            else chunks.push(chunk);
          });
          res.on("end", () => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined)
                headers[name] = Array.isArray(value) ? value.join(", ") : value;
            }
            resolve({ status: res.statusCode ?? 500, headers, body: Buffer.concat(chunks) });
          });
          res.on("error", reject);
        },
      );
      req.setTimeout(fillTimeoutMs, () => req.destroy(new Error(`${pathname} took over 30 s`)));
      req.on("error", reject);
      req.end();
    });
}

export async function startWebServer(port: number): Promise<() => Promise<void>> {
  const agent = new Agent({ keepAlive: true });
  let appPort = await freeLoopbackPort();
  let app: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;

  const cache = createResponseCache({
    fill: fillFrom(() => appPort, agent),
    cacheable: isCacheablePublicPath,
    // The status page's one budget, shared with the snapshot behind the copies.
    freshness: statusFreshness,
    cacheControl: statusCacheControl,
    onError: (pathname, error) =>
      log.warn({ path: pathname, error: String(error) }, "public cache: refill failed"),
  });

  // Next.js, supervised: started again (on a fresh port) if it ever exits on its own.
  const startApp = () => {
    const child = spawn(
      process.execPath,
      [nextBin, "start", "-H", "127.0.0.1", "-p", `${appPort}`],
      {
        cwd: root,
        // Next.js sets PORT to its own, private one; sign-in and links need the one visitors use.
        env: { ...process.env, LIFTOFF_WEB_PORT: String(port) },
        stdio: ["ignore", "pipe", "inherit", "ipc"],
      },
    );
    forwardNextOutput(child, appPort);
    // A minute up counts as recovered: the next exit is waited on from 1 s again.
    const steady = setTimeout(() => (restarts = 0), 60_000).unref();
    // Each snapshot Next.js builds: copies age from it, and are dropped when the status changed.
    child.on("message", (message) => {
      const built = readSnapshotAnnouncement(message);
      if (built) cache.noteSnapshot(built);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(steady);
      if (stopping) return;
      restarts += 1;
      const delay = Math.min(30_000, 1_000 * 2 ** Math.min(restarts - 1, 5));
      log.error(
        `Next.js exited (${signal ?? `code ${code}`}); the status page is answered from its copies; starting it again in ${delay / 1000} s`,
      );
      setTimeout(async () => {
        if (stopping) return;
        appPort = await freeLoopbackPort();
        app = startApp();
      }, delay).unref();
    });
    return child;
  };

  const proxy = createProxyServer({ agent, xfwd: true, proxyTimeout: 120_000 });
  proxy.on("error", (error, _req, res) => {
    // Next.js is starting, restarting or gone: say so plainly, never hang.
    if ("writeHead" in res && !res.headersSent) {
      res.writeHead(502, {
        "content-type": "text/plain; charset=utf-8",
        "x-content-type-options": "nosniff",
        "retry-after": "2",
      });
    }
    res.end("Liftoff's web app is not answering right now; try again in a moment.\n");
    log.debug({ error: String(error) }, "web: Next.js did not answer");
  });
  const server = createServer((req, res) =>
    cache.handle(req, res, () => proxy.web(req, res, { target: `http://127.0.0.1:${appPort}` })),
  );
  // The port first: when another program holds it, nothing else is started.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  app = startApp();
  log.info(`web server listening on port ${port}`);

  return async () => {
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const child = app;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    server.closeAllConnections();
    await closed;
    agent.destroy();
  };
}
