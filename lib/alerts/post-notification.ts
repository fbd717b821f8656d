// One HTTP POST of a notification, bounded by a timeout. Incoming-webhook URLs carry their own
// token, so nothing here ever puts the URL (or a header) into an error: errors name the
// destination ("alerts.founders-slack") and what went wrong. A 2xx answer is success; anything
// else, redirects included, is a failure to retry.

export type DeliveryErrorKind = "config" | "http" | "timeout" | "network";

export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
  ) {
    super(message);
  }
}

function checkUrl(url: string, label: string, urlEnv: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: say which variable holds it, never what it holds.
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new DeliveryError("config", `${label}: ${urlEnv} does not hold an http(s) URL`);
  }
}

export async function postNotification(input: {
  url: string;
  urlEnv: string;
  label: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}): Promise<void> {
  const { url, urlEnv, label, body, headers, timeoutMs } = input;
  checkUrl(url, label, urlEnv);
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Liftoff", ...headers },
      body,
      redirect: "manual",
      signal: timeout,
    });
  } catch (error) {
    if (timeout.aborted)
      throw new DeliveryError("timeout", `${label}: no answer within ${timeoutMs} ms`);
    // Only the cause's code (ECONNREFUSED, ENOTFOUND...): its message would name the address.
    const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } }).cause;
    const code = cause?.code ?? cause?.errors?.[0]?.code;
    const reason = typeof code === "string" ? code : "the request failed";
    throw new DeliveryError("network", `${label}: could not connect (${reason})`);
  }
  // The answer's body is not needed (and could echo what was sent); let the connection go.
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) {
    throw new DeliveryError("http", `${label}: answered HTTP ${response.status}`);
  }
}
