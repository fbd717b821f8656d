// A URL as it may appear in an error, a log line or the Jobs page: without its userinfo and with
// the values of query parameters that look like secrets (token, key, secret, apikey...) hidden.
// Sources put API keys in URLs more often than they should; a stored error must not keep them.

/** Query parameter names whose values are secrets, matched case-insensitively as whole words. */
const secretParam =
  /(^|[_-])(token|key|apikey|secret|password|passwd|pass|auth|signature|sig|credential|credentials|session)s?$/i;

export const hidden = "REDACTED";

export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL we can take apart: keep only what comes before any userinfo or query.
    return String(url)
      .replace(/\/\/[^/@]*@/, "//")
      .replace(/[?#].*$/, "");
  }
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
  }
  for (const name of new Set(parsed.searchParams.keys())) {
    if (secretParam.test(name)) parsed.searchParams.set(name, hidden);
  }
  return parsed.toString();
}
