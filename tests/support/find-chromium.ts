// Which Chromium the browser tests drive, chosen once per run by the global setup: CHROMIUM_PATH
// when set; else Debian's; else the one `npm install` brings (@sparticuz/chromium, a compressed
// headless build) when it starts here; else Debian's, installed now when we are root with apt-get.
// Never none: without a browser the run stops at once and says how to get one.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

/** How every browser test starts Chromium: headless, and quiet on this closed network. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const debianChromium = "/usr/bin/chromium";

export type FoundChromium = { path: string; description: string };

/** What finding a Chromium may do; the real ones below, fakes in its test. */
export type ChromiumSources = {
  exists(file: string): boolean;
  /** The packaged binary's path (unpacked on first use), or null when the package is absent. */
  packaged(): Promise<string | null>;
  /** Null when `file` starts headless and closes; else why not. */
  failsToStart(file: string): Promise<string | null>;
  canInstall(): boolean;
  install(): void;
  log(line: string): void;
};

export const noChromium =
  "No Chromium for the browser tests: install Debian's (`apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.";

export async function findChromium(
  env: Record<string, string | undefined>,
  sources: ChromiumSources,
): Promise<FoundChromium> {
  if (env.CHROMIUM_PATH) {
    if (sources.exists(env.CHROMIUM_PATH))
      return { path: env.CHROMIUM_PATH, description: `${env.CHROMIUM_PATH} (CHROMIUM_PATH)` };
    throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist. ${noChromium}`);
  }
  // TEST_DEBIAN_CHROMIUM points the look-up elsewhere, to run as a machine without it would.
  const debian = env.TEST_DEBIAN_CHROMIUM ?? debianChromium;
  const fromDebian = { path: debian, description: `Debian's chromium at ${debian}` };
  if (sources.exists(debian)) return fromDebian;

  const packaged = await sources.packaged();
  if (packaged) {
    const failure = await sources.failsToStart(packaged);
    if (!failure) return { path: packaged, description: `@sparticuz/chromium at ${packaged}` };
    sources.log(`@sparticuz/chromium does not start here (${failure})`);
  }
  if (sources.canInstall()) {
    sources.log("No Chromium here: installing Debian's (apt-get install chromium)");
    sources.install();
    if (sources.exists(debian)) return fromDebian;
  }
  throw new Error(noChromium);
}

export const machineChromium: ChromiumSources = {
  exists: (file) => existsSync(file),
  async packaged() {
    let Packaged: { executablePath(): Promise<string> };
    try {
      Packaged = (await import("@sparticuz/chromium")).default;
    } catch {
      return null;
    }
    return Packaged.executablePath();
  },
  async failsToStart(file) {
    try {
      const browser = await chromium.launch({
        executablePath: file,
        headless: true,
        args: chromiumArgs,
        timeout: 60_000,
      });
      await browser.close();
      return null;
    } catch (error) {
      // The browser's own first complaint says more than Playwright's "browser has been closed".
      const lines = (error as Error).message.split("\n");
      const said = lines.find((line) => line.startsWith("[pid=") && line.includes("[err]"));
      return said?.replace(/^\[pid=\d+\]\[err\] /, "") ?? lines[0] ?? "unknown error";
    }
  },
  canInstall: () => process.getuid?.() === 0 && existsSync("/usr/bin/apt-get"),
  install() {
    const quiet = { stdio: ["ignore", "ignore", "pipe"] as ("ignore" | "pipe")[] };
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { ...quiet, env });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { ...quiet, env });
  },
  log: (line) => console.log(line),
};
