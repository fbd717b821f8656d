// One time limit per probe: the monitor's timeout, cut short by the job's own signal. A probe that
// runs out of time is a failed check; a job that stops is no check at all.
import { describeNetworkError } from "./network-error";
import { down, ProbeFailure, type ProbeResult } from "./probe-result";

export type ProbeDeadline = {
  /** Aborted at the monitor's timeout or when the job stops. */
  signal: AbortSignal;
  timeoutMs: number;
  /** What the probe was doing, for the reason given when time runs out ("connecting"...). */
  phase: string;
};

export function probeDeadline(timeoutMs: number, jobSignal?: AbortSignal): ProbeDeadline {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = jobSignal ? AbortSignal.any([jobSignal, timeout]) : timeout;
  return { signal, timeoutMs, phase: "connecting" };
}

/**
 * Turns what a probe threw into a failed check with its reason. The job's own abort is rethrown:
 * the monitor did not fail, the job stopped.
 */
export function failedProbe(
  error: unknown,
  deadline: ProbeDeadline,
  jobSignal: AbortSignal | undefined,
  target: { host: string; port: number },
  latencyMs: number | null = null,
): ProbeResult {
  if (jobSignal?.aborted) throw jobSignal.reason;
  if (deadline.signal.aborted) {
    return down(`timed out after ${deadline.timeoutMs} ms ${deadline.phase}`, latencyMs);
  }
  if (error instanceof ProbeFailure) return down(error.message, latencyMs);
  return down(describeNetworkError(error, target), latencyMs);
}

/**
 * Runs `start` until it settles or the deadline passes; `start` returns its clean-up (closing its
 * socket), run either way.
 */
export function untilDeadline<T>(
  deadline: ProbeDeadline,
  start: (resolve: (value: T) => void, reject: (error: unknown) => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const { signal } = deadline;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let settled = false;
    let cleanUp: (() => void) | null = null;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      cleanUp?.();
      settle();
    };
    const onAbort = () => finish(() => reject(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    cleanUp = start(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error)),
    );
    // Settled before `start` returned its clean-up: run it now.
    if (settled) cleanUp();
  });
}
