import { describe, expect, it } from "vitest";
import { signatureHeader, signWebhook, timestampHeader, verifyWebhookSignature } from "./sign";

const body = JSON.stringify({ meta: { event: "component.updated" }, page: { id: "abc" } });
const at = new Date("2026-01-20T06:00:00Z");
const secret = "whsec-launch-week-0123456789abcdef";
const headers = signWebhook(body, secret, at);
const verify = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
  verifyWebhookSignature({
    body,
    timestamp: headers[timestampHeader],
    signature: headers[signatureHeader],
    secret,
    now: at,
    ...over,
  });

describe("status webhook signatures", () => {
  it("signs the timestamp and the raw body with HMAC-SHA256", () => {
    expect(headers[timestampHeader]).toBe("1768888800");
    expect(headers[signatureHeader]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify()).toBe(true);
  });

  it("fails with another secret, another body or another timestamp", () => {
    expect(verify({ secret: "another-secret" })).toBe(false);
    expect(verify({ body: body.replace("abc", "abd") })).toBe(false);
    expect(verify({ timestamp: "1768888801", now: at })).toBe(false);
    expect(verify({ signature: "sha256=00" })).toBe(false);
    expect(verify({ signature: undefined })).toBe(false);
  });

  it("refuses a message replayed more than five minutes later", () => {
    expect(verify({ now: new Date(at.getTime() + 4 * 60_000) })).toBe(true);
    expect(verify({ now: new Date(at.getTime() + 6 * 60_000) })).toBe(false);
  });
});
