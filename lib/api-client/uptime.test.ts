import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./fetch-json";
import {
  isoToLocalInput,
  localInputToIso,
  outageLength,
  parseUptimeRange,
  sendJson,
  statusControlQuery,
  uptimePath,
  uptimeQuery,
} from "./uptime";

const params = (search: string) => new URLSearchParams(search);

describe("uptime page state", () => {
  it("reads the range from the URL and falls back to 7 d", () => {
    expect(parseUptimeRange(params("range=24h"))).toBe("24h");
    expect(parseUptimeRange(params("range=90d"))).toBe("90d");
    expect(parseUptimeRange(params("range=1y"))).toBe("7d");
    expect(parseUptimeRange(params(""))).toBe("7d");
  });

  it("asks the API for the range under a key per range, every 30 s", () => {
    expect(uptimePath("30d")).toBe("/api/uptime?range=30d");
    const query = uptimeQuery("30d");
    expect(query.queryKey).toEqual(["uptime", "page", "30d"]);
    expect(query.refetchInterval).toBe(30_000);
    expect(query.refetchOnWindowFocus).toBe(false);
    expect(statusControlQuery().queryKey).toEqual(["uptime", "status-control"]);
  });
});

describe("times in forms and tables", () => {
  it("turns the viewer's wall clock into an instant and back", () => {
    const iso = localInputToIso("2026-01-12T02:00");
    expect(iso).not.toBeNull();
    expect(isoToLocalInput(Date.parse(iso!))).toBe("2026-01-12T02:00");
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("tomorrow")).toBeNull();
  });

  it("measures an ongoing outage up to the time the data was read", () => {
    const now = "2026-01-12T03:00:00.000Z";
    expect(outageLength({ startedAt: "2026-01-12T02:00:00.000Z", endedAt: null }, now)).toBe(
      3_600_000,
    );
    expect(
      outageLength(
        { startedAt: "2026-01-12T02:00:00.000Z", endedAt: "2026-01-12T02:30:00.000Z" },
        now,
      ),
    ).toBe(1_800_000);
  });
});

describe("sendJson", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends JSON and returns the answer", async () => {
    const fetch = vi.fn(async () => Response.json({ id: 7 }, { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    await expect(sendJson("POST", "/api/status-admin/incidents", { name: "x" })).resolves.toEqual({
      id: 7,
    });
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe("/api/status-admin/incidents");
    expect(init.method).toBe("POST");
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(init.body).toBe('{"name":"x"}');
  });

  it("throws the API's own message on a refusal", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json(
        { error: { code: "validation_failed", message: 'name: expected a name, found ""' } },
        { status: 422 },
      ),
    );
    const error = await sendJson("PATCH", "/x", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, message: 'name: expected a name, found ""' });
  });
});
