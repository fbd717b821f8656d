import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import {
  defaultRetryAfterMs,
  formatResetTime,
  RateLimitedError,
  rateLimitOf,
  retryAfterAt,
  withRateLimitRetry,
} from "./rate-limit";

const now = new Date("2026-01-25T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("retryAfterAt", () => {
  it.each([
    ["seconds", "3", 3000],
    ["zero seconds", "0", 0],
    ["an hour", "3600", 3_600_000],
    ["an HTTP date", "Sun, 25 Jan 2026 12:00:07 GMT", 7000],
    ["a date already past", "Sun, 25 Jan 2026 11:00:00 GMT", 0],
    ["nothing", null, defaultRetryAfterMs],
    ["something unreadable", "soon", defaultRetryAfterMs],
    ["negative seconds", "-5", defaultRetryAfterMs],
  ])("reads %s", (_name, header, ms) => {
    expect(retryAfterAt(header, now)).toEqual(later(ms));
  });

  it("takes a fallback", () => {
    expect(retryAfterAt(null, now, 100)).toEqual(later(100));
  });
});

describe("formatResetTime", () => {
  it("gives the time in UTC, its seconds only when it has some, its day only when not today", () => {
    expect(formatResetTime(new Date("2026-01-25T13:05:00Z"), now)).toBe("13:05 UTC");
    expect(formatResetTime(new Date("2026-01-25T13:05:09Z"), now)).toBe("13:05:09 UTC");
    expect(formatResetTime(new Date("2026-01-26T00:30:00Z"), now)).toBe("2026-01-26 00:30 UTC");
  });
});

describe("rateLimitOf", () => {
  it("names the source, the reset and the URL without its secrets", () => {
    const headers = new Headers({ "retry-after": "3600" });
    const error = rateLimitOf({ status: 429, headers }, "tranco", "http://x/a?token=s3cret");
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error!.message).toMatch(
      /^tranco: rate-limited until \d\d:\d\d(:\d\d)? UTC \(HTTP 429 from http:\/\/x\/a\?token=REDACTED\)$/,
    );
    expect(error!.waitMs).toBeGreaterThan(3_599_000);
    expect(rateLimitOf({ status: 503, headers }, "tranco", "http://x/a")).toBeNull();
  });
});

describe("withRateLimitRetry", () => {
  const signal = new AbortController().signal;
  const limited = (ms: number) =>
    new RateLimitedError("tranco", "http://x/a", new Date(Date.now() + ms));

  it("waits as asked after a 429, then succeeds", async () => {
    const started: number[] = [];
    const waits: number[] = [];
    const result = await withRateLimitRetry(
      async () => {
        started.push(performance.now());
        if (started.length < 3) throw limited(40 * started.length);
        return "ranks";
      },
      { signal, onWait: (ms) => waits.push(ms) },
    );
    expect(result).toBe("ranks");
    expect(waits).toHaveLength(2);
    expect(started[1]! - started[0]!).toBeGreaterThanOrEqual(35);
    expect(started[2]! - started[1]!).toBeGreaterThanOrEqual(75);
  });

  it("gives up after its retries with the 429", async () => {
    let attempts = 0;
    const error = await withRateLimitRetry(
      async () => {
        attempts += 1;
        throw limited(1);
      },
      { signal, retries: 2 },
    ).catch((e) => e);
    expect(attempts).toBe(3);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toMatch(
      /^tranco: rate-limited until .* UTC \(HTTP 429 from http:\/\/x\/a\)$/,
    );
  });

  it("ends at once when the reset lies past the run's deadline", async () => {
    let attempts = 0;
    const started = performance.now();
    const deadline = new Date(Date.now() + 60_000);
    const error = await withRateLimitRetry(
      async () => {
        attempts += 1;
        throw limited(3_600_000);
      },
      { signal, deadline },
    ).catch((e) => e);
    expect(attempts).toBe(1);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toMatch(
      /^tranco: rate-limited until .* UTC \(HTTP 429 from http:\/\/x\/a\); this run's time ends at .* UTC$/,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("waits when the reset and one more attempt fit before the deadline, not when only the reset does", async () => {
    const run = (attemptMs: number) => {
      let attempts = 0;
      return withRateLimitRetry(
        async () => {
          attempts += 1;
          if (attempts === 1) throw limited(20);
          return attempts;
        },
        { signal, deadline: new Date(Date.now() + 10_000), attemptMs },
      ).catch((e: Error) => e.message);
    };
    expect(await run(1_000)).toBe(2);
    expect(await run(20_000)).toMatch(/this run's time ends/);
  });

  it("without a deadline, waits at most a minute", async () => {
    const error = await withRateLimitRetry(
      async () => {
        throw limited(120_000);
      },
      { signal },
    ).catch((e) => e);
    expect(error.message).toMatch(/this run's time ends/);
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
        throw limited(30_000);
      },
      { signal: controller.signal, onWait: () => controller.abort(new Error("worker stopping")) },
    );
    await expect(pending).rejects.toThrow("worker stopping");
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
