// OAuth 1.0a HMAC-SHA1 signature verification (RFC 5849 §3.4), written from the RFC and not from
// any client, so the fake X checks the X client's signatures independently. Signed: the method,
// the base URI (scheme and host in lower case, no default port, no query), and the oauth_*
// parameters of the Authorization header (but oauth_signature and realm) plus the query
// parameters and a form-encoded body's parameters. A JSON body is not signed.
import { createHmac, timingSafeEqual } from "node:crypto";

export type OAuth1Secrets = {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
};

export type SignedRequest = {
  method: string;
  /** scheme://host[:port]/path?query, as the client addressed it. */
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
};

/** RFC 3986 unreserved characters stay, every other byte is %XX (upper case). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The parameters of an `Authorization: OAuth k="v", ...` header, decoded. */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | undefined {
  const match = /^OAuth\s+(.*)$/i.exec(header ?? "");
  if (!match) return undefined;
  const params = new Map<string, string>();
  for (const part of match[1]!.split(",")) {
    const pair = /^\s*([^=\s]+)="([^"]*)"\s*$/.exec(part);
    if (!pair) return undefined;
    params.set(decodeURIComponent(pair[1]!), decodeURIComponent(pair[2]!));
  }
  return params;
}

export function signatureBaseString(method: string, url: URL, params: [string, string][]): string {
  // URL already lower-cases scheme and host and drops a default port (80 for http, 443 for https).
  const baseUri = `${url.protocol}//${url.host}${url.pathname}`;
  const normalized = params
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  return [method.toUpperCase(), percentEncode(baseUri), percentEncode(normalized)].join("&");
}

export function hmacSha1Signature(base: string, consumerSecret: string, tokenSecret: string) {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac("sha1", key).update(base).digest("base64");
}

/** Why the request's signature is refused, or undefined when it is valid. */
export function checkOAuth1(
  request: SignedRequest,
  secrets: OAuth1Secrets,
  seenNonces: Set<string>,
  now = Date.now(),
): string | undefined {
  const oauth = parseOAuthHeader(request.authorization);
  if (!oauth) return "no OAuth Authorization header";
  if (oauth.get("oauth_signature_method") !== "HMAC-SHA1") return "not HMAC-SHA1";
  if (oauth.has("oauth_version") && oauth.get("oauth_version") !== "1.0") return "not OAuth 1.0";
  if (oauth.get("oauth_consumer_key") !== secrets.consumerKey) return "unknown consumer key";
  if (oauth.get("oauth_token") !== secrets.token) return "unknown access token";
  const timestamp = Number(oauth.get("oauth_timestamp"));
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > 300)
    return "timestamp outside five minutes";
  const nonce = oauth.get("oauth_nonce");
  if (!nonce) return "no nonce";
  const signature = oauth.get("oauth_signature") ?? "";

  const url = new URL(request.url);
  const params: [string, string][] = [...oauth].filter(
    ([name]) => name !== "oauth_signature" && name !== "realm",
  );
  params.push(...url.searchParams);
  if (request.contentType?.startsWith("application/x-www-form-urlencoded")) {
    params.push(...new URLSearchParams(request.body));
  }
  const base = signatureBaseString(request.method, url, params);
  const expected = Buffer.from(
    hmacSha1Signature(base, secrets.consumerSecret, secrets.tokenSecret),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return "signature does not match";
  // Checked after the signature, so a forged request cannot burn a real client's nonce.
  const once = `${timestamp}:${nonce}`;
  if (seenNonces.has(once)) return "nonce already used";
  seenNonces.add(once);
  return undefined;
}
