// The machine's ceiling for the status benchmark: a bare Node HTTP server, in a process of its
// own, handing out the very same bodies from memory (gzip when asked, as the front does), with
// nothing else to do. What the front answers can only approach it; the gap is what the front
// costs, and what is left of a p99 above the target is the machine's (2 cores shared by the load
// generator, the server and the kernel's loopback).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const script = `
const http = require("node:http");
const bodies = JSON.parse(require("node:fs").readFileSync(process.env.BARE_BODIES, "utf8"));
const table = new Map(Object.entries(bodies).map(([path, b]) => [path, {
  type: b.type, plain: Buffer.from(b.plain, "base64"), gzip: Buffer.from(b.gzip, "base64") }]));
const server = http.createServer((req, res) => {
  const body = table.get(req.url);
  if (!body) { res.writeHead(404); return res.end(); }
  const gzip = /\\bgzip\\b/.test(req.headers["accept-encoding"] || "");
  const bytes = gzip ? body.gzip : body.plain;
  const headers = { "content-type": body.type, "content-length": bytes.length, vary: "Accept-Encoding" };
  if (gzip) headers["content-encoding"] = "gzip";
  res.writeHead(200, headers);
  res.end(bytes);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.on("SIGTERM", () => process.exit(0));
`;

export type BareServer = { url: (path: string) => string; close(): Promise<void> };

/** Serves `bodies` (path → content type and bytes) from a bare Node server. */
export async function startBareServer(
  bodies: Record<string, { type: string; body: string }>,
): Promise<BareServer> {
  const encoded = Object.fromEntries(
    Object.entries(bodies).map(([path, { type, body }]) => [
      path,
      {
        type,
        plain: Buffer.from(body).toString("base64"),
        gzip: gzipSync(body).toString("base64"),
      },
    ]),
  );
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-bare-"));
  const file = path.join(dir, "bodies.json");
  writeFileSync(file, JSON.stringify(encoded));
  const child = spawn(process.execPath, ["-e", script], {
    env: { ...process.env, BARE_BODIES: file },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
    child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
