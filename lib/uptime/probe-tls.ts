// A TLS probe: a handshake with the monitor's server name, then a verdict on the certificate the
// peer presented: untrusted or invalid is down, expired is down, expiring within `warnDays` is
// degraded, anything else up. The handshake's latency is kept whatever the verdict.
import { isIP } from "node:net";
import { connect, rootCertificates } from "node:tls";
import type { MonitorConfig } from "@/lib/config/schema";
import { describeCertificateProblem } from "./network-error";
import { failedProbe, probeDeadline, untilDeadline } from "./probe-deadline";
import { ProbeFailure, type ProbeOptions, type ProbeResult } from "./probe-result";

type TlsMonitor = Extract<MonitorConfig, { type: "tls" }>;

export type Handshake = {
  latencyMs: number;
  /** OpenSSL's verdict on the chain and Node's on the name: null when both are content. */
  problem: string | null;
  /** The certificate's notAfter. */
  validTo: Date;
};

const dayMs = 86_400_000;
const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** What a handshake says about the certificate; pure, so its rules are tested on their own. */
export function judgeCertificate(handshake: Handshake, warnDays: number, now: Date): ProbeResult {
  const { latencyMs, problem, validTo } = handshake;
  const result = (status: ProbeResult["status"], error: string | null): ProbeResult => ({
    status,
    latencyMs,
    httpStatus: null,
    error,
  });
  const date = validTo.toISOString().slice(0, 10);
  const left = validTo.getTime() - now.getTime();
  if (left <= 0) return result("down", `certificate expired on ${date}`);
  if (problem !== null) return result("down", describeCertificateProblem(problem));
  const daysLeft = Math.floor(left / dayMs);
  if (daysLeft < warnDays)
    return result("degraded", `certificate expires in ${days(daysLeft)} (${date})`);
  return result("up", null);
}

export async function probeTls(
  monitor: TlsMonitor,
  options: ProbeOptions = {},
  now: () => Date = () => new Date(),
): Promise<ProbeResult> {
  const deadline = probeDeadline(monitor.timeout, options.signal);
  deadline.phase = `in the TLS handshake with ${monitor.host}:${monitor.port}`;
  const serverName = monitor.serverName ?? monitor.host;
  const started = performance.now();
  try {
    const handshake = await untilDeadline<Handshake>(deadline, (resolve, reject) => {
      const socket = connect({
        host: monitor.host,
        port: monitor.port,
        // Node refuses an IP address as SNI; the name is then checked against the IP itself.
        ...(isIP(serverName) ? {} : { servername: serverName }),
        // Judged below, so an untrusted or expired certificate can still be read and described.
        rejectUnauthorized: false,
        ...(options.ca ? { ca: [...rootCertificates, ...options.ca] } : {}),
      });
      socket.once("secureConnect", () => {
        const latencyMs = Math.round(performance.now() - started);
        const certificate = socket.getPeerCertificate();
        if (!certificate.valid_to) {
          reject(new ProbeFailure("the server presented no certificate"));
          return;
        }
        // Node gives the verdict as an OpenSSL code ("CERT_HAS_EXPIRED"), typed as an Error.
        const verdict = socket.authorizationError as unknown as string | Error | null;
        const problem = typeof verdict === "string" ? verdict : (verdict?.message ?? "UNKNOWN");
        resolve({
          latencyMs,
          problem: socket.authorized ? null : problem,
          validTo: new Date(certificate.valid_to),
        });
      });
      socket.on("error", reject);
      return () => socket.destroy();
    });
    return judgeCertificate(handshake, monitor.warnDays, now());
  } catch (error) {
    return failedProbe(error, deadline, options.signal, monitor);
  }
}
