import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SourceError } from "@/lib/errors";
import { openRadarEnvelope, radarDomainReadings, radarTopRanks } from "./radar-answers";

const fixture = (name: string) => readFileSync(`tests/fixtures/ranks/${name}`, "utf8");
const where = { source: "radar", what: "the Radar rank of stashbox.test" };
const now = new Date("2026-03-01T12:34:00Z");

function refusal(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("openRadarEnvelope", () => {
  it("opens a successful answer", () => {
    const result = openRadarEnvelope(200, fixture("radar-domain-bucket.json"), where);
    expect(result).toHaveProperty("details_0.bucket", "500");
  });

  it("names the errors of a success: false answer", () => {
    const error = refusal(() =>
      openRadarEnvelope(200, fixture("radar-error-success-false.json"), where),
    );
    expect(error.kind).toBe("http");
    expect(error.message).toBe(
      "radar: the Radar rank of stashbox.test answered success: false: " +
        "Invalid location: the location code XX is unknown (10001); limit must be at most 100 (10002)",
    );
  });

  it("names the status and errors of a failed request", () => {
    const error = refusal(() => openRadarEnvelope(401, fixture("radar-error-auth.json"), where));
    expect(error.message).toBe(
      "radar: the Radar rank of stashbox.test answered HTTP 401: Authentication error (10000)",
    );
    const gateway = refusal(() => openRadarEnvelope(502, "<html>Bad gateway</html>", where));
    expect(gateway.kind).toBe("http");
    expect(gateway.message).toBe("radar: the Radar rank of stashbox.test answered HTTP 502");
  });

  it("refuses a 200 that is no envelope", () => {
    const error = refusal(() => openRadarEnvelope(200, '{"result":{}}', where));
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/unexpected shape: success: expected a boolean, found nothing/);
  });
});

describe("radarDomainReadings", () => {
  const open = (name: string) => openRadarEnvelope(200, fixture(name), where);

  it("reads a bucket and the top locations, dated by the fetch, not the range's day", () => {
    const readings = radarDomainReadings(
      open("radar-domain-bucket.json"),
      "stashbox.test",
      now,
      "radar",
    );
    const at = now;
    expect(readings).toEqual([
      {
        domain: "stashbox.test",
        scope: "global",
        at,
        value: { kind: "bucket", min: 201, max: 500 },
      },
      { domain: "stashbox.test", scope: "NZ", at, value: { kind: "exact", rank: 1 } },
      { domain: "stashbox.test", scope: "DE", at, value: { kind: "exact", rank: 174 } },
      { domain: "stashbox.test", scope: "US", at, value: { kind: "exact", rank: 288 } },
    ]);
  });

  it("reads an exact rank in the top 100, upper-casing location codes", () => {
    const readings = radarDomainReadings(
      open("radar-domain-top100.json"),
      "stashbox.test",
      now,
      "radar",
    );
    expect(readings.map((r) => [r.scope, r.value, r.at.toISOString()])).toEqual([
      ["global", { kind: "exact", rank: 42 }, now.toISOString()],
      ["NZ", { kind: "exact", rank: 3 }, now.toISOString()],
    ]);
  });

  it("dates an answer without a date range by the fetch too", () => {
    const result = { details_0: { bucket: ">200000", top_locations: [] } };
    const [reading] = radarDomainReadings(result, "x.test", now, "radar");
    expect(reading).toEqual({
      domain: "x.test",
      scope: "global",
      at: now,
      value: { kind: "bucket", min: 200_001, max: null },
    });
  });

  it.each([
    [
      { details_0: { top_locations: [] } },
      "radar: the Radar rank of x.test has neither a rank nor a bucket",
    ],
    [
      { details_0: { bucket: "300" } },
      'radar: the Radar rank of x.test is in an unknown bucket "300"',
    ],
  ])("refuses %j", (result, message) => {
    const error = refusal(() => radarDomainReadings(result, "x.test", now, "radar"));
    expect(error.kind).toBe("parse");
    expect(error.message).toBe(message);
  });

  it("refuses a location that is no country code", () => {
    const result = { details_0: { rank: 5, top_locations: [{ locationCode: "NZL", rank: 1 }] } };
    const error = refusal(() => radarDomainReadings(result, "x.test", now, "radar"));
    expect(error.message).toMatch(
      /details_0\.top_locations\[0\]\.locationCode: expected a two-letter country code/,
    );
  });
});

describe("radarTopRanks", () => {
  it("reads the ranks of a location's top list, lower-casing names", () => {
    const result = openRadarEnvelope(200, fixture("radar-top-nz.json"), where);
    const { at, ranks } = radarTopRanks(result, "NZ", now, "radar");
    expect(at).toEqual(now);
    expect(ranks.get("stashbox.test")).toBe(1);
    expect(ranks.get("boxdrop.test")).toBe(7);
    expect(ranks.size).toBe(7);
  });

  it("refuses an entry without a rank", () => {
    const error = refusal(() =>
      radarTopRanks({ top_0: [{ domain: "a.test" }] }, "NZ", now, "radar"),
    );
    expect(error.message).toMatch(
      /the Radar top list of NZ has an unexpected shape: top_0\[0\]\.rank/,
    );
  });
});
