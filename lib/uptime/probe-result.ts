// What every probe answers, whatever it probes, and what every probe is given.
import type { CheckStatusName } from "./check-status";

export type ProbeResult = {
  status: CheckStatusName;
  /** ms to the answer (HTTP), the connection (TCP) or the handshake (TLS); null without one. */
  latencyMs: number | null;
  httpStatus: number | null;
  /** Why the check failed or is degraded, in words; null when up. */
  error: string | null;
};

export type ProbeOptions = {
  /** The job's signal: aborted on timeout or shutdown, when the probe stops without a result. */
  signal?: AbortSignal;
  /** Certificate authorities (PEM) trusted besides Node's own: a private CA, or the tests'. */
  ca?: string[];
};

/** A failure the probe recognised, with its reason in words. */
export class ProbeFailure extends Error {
  override name = "ProbeFailure";
}

export function down(
  error: string,
  latencyMs: number | null = null,
  httpStatus: number | null = null,
): ProbeResult {
  return { status: "down", latencyMs, httpStatus, error };
}
