import { describe, expect, it } from "vitest";
import { judgeCertificate } from "./probe-tls";

const now = new Date("2026-01-20T12:00:00Z");
const handshake = (daysLeft: number, problem: string | null = null) => ({
  latencyMs: 42,
  problem,
  validTo: new Date(now.getTime() + daysLeft * 86_400_000),
});

describe("the verdict on a certificate", () => {
  it("is up when trusted and far from expiry, keeping the handshake's latency", () => {
    expect(judgeCertificate(handshake(90), 14, now)).toEqual({
      status: "up",
      latencyMs: 42,
      httpStatus: null,
      error: null,
    });
  });

  it("warns (degraded) within warnDays, saying when", () => {
    expect(judgeCertificate(handshake(9.5), 14, now)).toMatchObject({
      status: "degraded",
      latencyMs: 42,
      error: "certificate expires in 9 days (2026-01-30)",
    });
    expect(judgeCertificate(handshake(1.2), 14, now).error).toBe(
      "certificate expires in 1 day (2026-01-21)",
    );
    expect(judgeCertificate(handshake(14), 14, now).status).toBe("up");
  });

  it("is down when expired, whatever else is wrong with it", () => {
    expect(judgeCertificate(handshake(-2, "CERT_HAS_EXPIRED"), 14, now)).toMatchObject({
      status: "down",
      latencyMs: 42,
      error: "certificate expired on 2026-01-18",
    });
  });

  it("is down when untrusted or for another name, with the reason", () => {
    expect(judgeCertificate(handshake(90, "DEPTH_ZERO_SELF_SIGNED_CERT"), 14, now).error).toBe(
      "certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)",
    );
    expect(judgeCertificate(handshake(90, "ERR_TLS_CERT_ALTNAME_INVALID"), 14, now)).toMatchObject({
      status: "down",
      error: "certificate does not match the host name (ERR_TLS_CERT_ALTNAME_INVALID)",
    });
  });
});
