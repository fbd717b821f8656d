// Node's connection and certificate errors, in words a founder can act on, code kept in brackets.

/** OpenSSL's verdicts on a certificate (the codes Node reports), in words. */
const certificateProblems: Record<string, string> = {
  CERT_HAS_EXPIRED: "certificate has expired",
  CERT_NOT_YET_VALID: "certificate is not yet valid",
  DEPTH_ZERO_SELF_SIGNED_CERT: "certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "certificate chain ends in an untrusted self-signed root",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "certificate's issuer is unknown or not trusted",
  UNABLE_TO_GET_ISSUER_CERT: "certificate's issuer is unknown",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "certificate's issuer is not trusted",
  CERT_SIGNATURE_FAILURE: "certificate signature is invalid",
  CERT_REVOKED: "certificate has been revoked",
  CERT_UNTRUSTED: "certificate is not trusted",
  CERT_REJECTED: "certificate is rejected",
  HOSTNAME_MISMATCH: "certificate does not match the host name",
  ERR_TLS_CERT_ALTNAME_INVALID: "certificate does not match the host name",
};

/** The words for a certificate error code (as `authorizationError` gives it), code in brackets. */
export function describeCertificateProblem(code: string): string {
  return `${certificateProblems[code] ?? "certificate is invalid"} (${code})`;
}

/** A reason for a failed connection to `host:port`. */
export function describeNetworkError(
  error: unknown,
  { host, port }: { host: string; port: number },
): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== "string") return message;
  if (code in certificateProblems) return describeCertificateProblem(code);
  switch (code) {
    case "ENOTFOUND":
      return `DNS lookup failed: ${host} not found (ENOTFOUND)`;
    case "EAI_AGAIN":
      return `DNS lookup failed for ${host}: no answer from the resolver (EAI_AGAIN)`;
    case "ECONNREFUSED":
      return `connection refused by ${host}:${port} (ECONNREFUSED)`;
    case "ECONNRESET":
      return `connection reset by ${host}:${port} (ECONNRESET)`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${host} is unreachable (${code})`;
    default:
      return message.includes(code) ? message : `${message} (${code})`;
  }
}
