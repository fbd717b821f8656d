import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchJson, shouldRetry } from "./fetch-json";

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("fetchJson", () => {
  it("returns the parsed body", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => json(200, { ok: 1 })),
    );
    await expect(fetchJson<{ ok: number }>("/api/overview")).resolves.toEqual({ ok: 1 });
  });

  it("turns an error body into an ApiError", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => json(500, { error: { code: "internal", message: "Something broke" } })),
    );
    const error = await fetchJson("/api/overview").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, code: "internal", message: "Something broke" });
  });

  it("sends the browser to sign-in on 401, coming back to where it was", async () => {
    const assign = vi.fn();
    vi.stubGlobal("window", { location: { pathname: "/jobs", search: "?x=1", assign } });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => json(401, { error: { code: "unauthorized", message: "Sign in" } })),
    );
    await expect(fetchJson("/api/jobs")).rejects.toMatchObject({ status: 401 });
    expect(assign).toHaveBeenCalledWith("/sign-in?next=%2Fjobs%3Fx%3D1");
  });
});

describe("shouldRetry", () => {
  it("retries server and network errors twice, client errors never", () => {
    expect(shouldRetry(0, new ApiError(503, "unavailable", "down"))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, "unavailable", "down"))).toBe(false);
    expect(shouldRetry(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetry(0, new ApiError(401, "unauthorized", "no"))).toBe(false);
    expect(shouldRetry(0, new ApiError(422, "validation_failed", "no"))).toBe(false);
  });
});
