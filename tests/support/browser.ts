// Chromium driven by playwright-core, as a person would see a page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { chromiumArgs } from "./find-chromium";

/** How every browser test starts the Chromium chosen for the run (tests/support/global-setup.ts). */
export const chromiumOptions = {
  executablePath: inject("chromiumPath"),
  headless: true,
  args: chromiumArgs,
};

export async function openBrowser(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(path.join(tmpdir(), "liftoff-chromium-")),
    { ...chromiumOptions, viewport: { width: 1280, height: 860 } },
  );
  return watchCsp(context);
}

const cspReports = new WeakMap<Browser | BrowserContext, string[]>();
const cspMention = /Content Security Policy/i;

function listen(context: BrowserContext, reports: string[]) {
  context.on("console", (message) => {
    if (cspMention.test(message.text()))
      reports.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on("weberror", (error) => {
    const text = String(error.error());
    if (cspMention.test(text)) reports.push(`${error.page()?.url()}: ${text}`);
  });
}

/**
 * Collects what the browser says about the Content Security Policy, in every page of `target` (a
 * context, or a browser's every context from now on): each browser test file asserts at its end
 * that `cspViolations` is empty, so a policy that breaks a page fails the test.
 */
export function watchCsp<T extends Browser | BrowserContext>(target: T): T {
  const reports: string[] = [];
  cspReports.set(target, reports);
  if ("pages" in target) listen(target as BrowserContext, reports);
  else (target as Browser).on("context", (context) => listen(context, reports));
  return target;
}

/** Every Content Security Policy complaint seen so far (watchCsp; openBrowser watches). */
export function cspViolations(target: Browser | BrowserContext): string[] {
  return [...(cspReports.get(target) ?? [])];
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
