// Reading the Tranco list: a synthetic top-1m.csv of 1,000,000 lines, zipped, written to a
// temporary file and served by a local HTTP server, read by readTrancoList (streamed: download →
// inflate → lines, keeping 3 tracked domains) against a baseline in the same run that downloads
// the whole zip, unzips it in memory and splits it into rows, as a first version would.
//
// Each read runs in a fresh Node process, so neither inherits the other's heap, three times in
// turn; the medians are reported. Memory is sampled every 5 ms while a read runs (and after each
// step of the baseline, whose steps are synchronous and would hide their peaks from a timer):
// the peak growth of heap used plus buffers outside the heap (zips and inflated text live
// there), and of the resident set. Alone: `npx tsx bench/rank-list.ts`.
import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readTrancoList } from "@/lib/rank/sources/tranco-list";

const root = path.resolve(import.meta.dirname, "..");
const lines = 1_000_000;
const runs = 3;
const MiB = 1024 * 1024;
/** Tracked domains near the top, in the middle and at the very end of the list. */
const targetRanks = [17, 500_000, 999_999];

type Mode = "streamed" | "baseline";
export type ReadFigures = { seconds: number; heapMiB: number; rssMiB: number; found: number[] };
export type RankListFigures = {
  lines: number;
  zipMiB: number;
  streamed: ReadFigures;
  baseline: ReadFigures;
};

/** A site name per rank, varied like real ones so the zip compresses like the real list. */
function siteName(rank: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const tlds = ["com", "net", "org", "io", "de", "co.uk", "ru", "com.br", "jp", "fr"];
  let seed = (rank * 2_654_435_761) >>> 0;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 8;
  const length = 5 + (next() % 10);
  let name = "";
  for (let i = 0; i < length; i++) name += letters[next() % 26];
  return `${name}-${rank.toString(36)}.${tlds[next() % tlds.length]}`;
}

function buildZip(): Uint8Array {
  const rows: string[] = [];
  for (let rank = 1; rank <= lines; rank++) rows.push(`${rank},${siteName(rank)}\r\n`);
  return zipSync({ "top-1m.csv": strToU8(rows.join("")) }, { level: 6 });
}

/** One read, in this process, measured. */
async function measureRead(mode: Mode, url: string): Promise<ReadFigures> {
  const targets = targetRanks.map(siteName);
  const base = process.memoryUsage();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed + now.external - base.heapUsed - base.external);
    rss = Math.max(rss, now.rss - base.rss);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  let found: number[];
  if (mode === "streamed") {
    const readings = await readTrancoList(
      { key: "bench", listUrl: url, timeout: 120_000 },
      { domains: targets, signal: new AbortController().signal, now: new Date() },
    );
    found = readings.map((r) => (r.value.kind === "exact" ? r.value.rank : 0));
  } else {
    const zip = new Uint8Array(await (await fetch(url)).arrayBuffer());
    sample();
    const files = unzipSync(zip);
    sample();
    const text = strFromU8(files["top-1m.csv"]!);
    sample();
    const rows = text.split("\r\n").map((line) => line.split(","));
    sample();
    found = targets.map((domain) => Number(rows.find((row) => row[1] === domain)?.[0] ?? 0));
  }
  const seconds = (performance.now() - started) / 1000;
  sample();
  clearInterval(timer);
  return { seconds, heapMiB: heap / MiB, rssMiB: rss / MiB, found };
}

/** Runs one read in a fresh process and returns its figures. */
function readInChild(mode: Mode, url: string): Promise<ReadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bench/rank-list.ts", "--child", mode, url],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the ${mode} read exited with ${code}`));
      resolve(JSON.parse(output.trim().split("\n").pop()!) as ReadFigures);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function summarise(all: ReadFigures[]): ReadFigures {
  return {
    seconds: median(all.map((f) => f.seconds)),
    heapMiB: median(all.map((f) => f.heapMiB)),
    rssMiB: median(all.map((f) => f.rssMiB)),
    found: all[0]!.found,
  };
}

export async function measureRankList(): Promise<RankListFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "liftoff-bench-ranks-"));
  const file = path.join(dir, "top-1m.csv.zip");
  const zip = buildZip();
  writeFileSync(file, zip);
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "content-type": "application/zip",
      "content-length": String(zip.byteLength),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/top-1m.csv.zip`;
  try {
    const streamed: ReadFigures[] = [];
    const baseline: ReadFigures[] = [];
    for (let run = 0; run < runs; run++) {
      streamed.push(await readInChild("streamed", url));
      baseline.push(await readInChild("baseline", url));
    }
    for (const figures of [...streamed, ...baseline]) {
      if (figures.found.join() !== targetRanks.join())
        throw new Error(`a read found ${figures.found.join()}, not ${targetRanks.join()}`);
    }
    return {
      lines,
      zipMiB: zip.byteLength / MiB,
      streamed: summarise(streamed),
      baseline: summarise(baseline),
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [flag, mode, url] = process.argv.slice(2);
  if (flag === "--child") {
    console.log(JSON.stringify(await measureRead(mode as Mode, url!)));
  } else {
    console.log(JSON.stringify(await measureRankList(), null, 2));
  }
}
