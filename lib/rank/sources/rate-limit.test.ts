import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import {
  defaultRetryAfterMs,
  maxRetryAfterMs,
  RateLimitedError,
  retryAfterMs,
  withRateLimitRetry,
} from "./rate-limit";

const now = new Date("2026-01-25T12:00:00Z");

describe("retryAfterMs", () => {
  it.each([
    ["seconds", "3", 3000],
    ["zero seconds", "0", 0],
    ["an HTTP date", "Sun, 25 Jan 2026 12:00:07 GMT", 7000],
    ["a date already past", "Sun, 25 Jan 2026 11:00:00 GMT", 0],
    ["a wait past the cap", "3600", maxRetryAfterMs],
    ["nothing", null, defaultRetryAfterMs],
    ["something unreadable", "soon", defaultRetryAfterMs],
    ["negative seconds", "-5", defaultRetryAfterMs],
  ])("reads %s", (_name, header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });

  it("takes a fallback and a cap", () => {
    expect(retryAfterMs(null, now, { fallbackMs: 100 })).toBe(100);
    expect(retryAfterMs("10", now, { capMs: 2000 })).toBe(2000);
  });
});

describe("withRateLimitRetry", () => {
  const signal = new AbortController().signal;

  it("waits as asked after a 429, then succeeds", async () => {
    const started: number[] = [];
    const waits: number[] = [];
    const result = await withRateLimitRetry(
      async () => {
        started.push(performance.now());
        if (started.length < 3)
          throw new RateLimitedError("tranco", "http://x/a", 40 * started.length);
        return "ranks";
      },
      { signal, onWait: (ms) => waits.push(ms) },
    );
    expect(result).toBe("ranks");
    expect(waits).toEqual([40, 80]);
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(38);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(78);
  });

  it("gives up after its retries with the 429", async () => {
    let attempts = 0;
    const error = await withRateLimitRetry(
      async () => {
        attempts += 1;
        throw new RateLimitedError("tranco", "http://x/a", 1);
      },
      { signal, retries: 2 },
    ).catch((e) => e);
    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toBe("tranco: http://x/a answered HTTP 429 (too many requests)");
  });

  it("does not retry other errors", async () => {
    let attempts = 0;
    const error = await withRateLimitRetry(
      async () => {
        attempts += 1;
        throw new SourceError("http", "tranco", "http://x/a answered HTTP 500");
      },
      { signal },
    ).catch((e) => e);
    expect(attempts).toBe(1);
    expect(error.message).toBe("tranco: http://x/a answered HTTP 500");
  });

  it("stops waiting when the run is stopped", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = withRateLimitRetry(
      async () => {
        throw new RateLimitedError("tranco", "http://x/a", 30_000);
      },
      { signal: controller.signal, onWait: () => controller.abort(new Error("worker stopping")) },
    );
    await expect(pending).rejects.toThrow("worker stopping");
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
