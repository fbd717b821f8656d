// Debian's chromium driven by playwright-core, as a person would see a page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** How every browser test starts Debian's chromium: headless, and quiet on this closed network. */
export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export async function openBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "liftoff-chromium-")), {
    ...chromiumOptions,
    viewport: { width: 1280, height: 860 },
  });
}

export const screenshotDir = path.resolve(import.meta.dirname, "../screenshots");

/** Turns an open dashboard page into a 390 px phone in the dark theme. */
export async function toDarkPhone(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await page.setViewportSize({ width: 390, height: 844 });
}

/** How many pixels the page spills sideways (0 when it fits its width). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
