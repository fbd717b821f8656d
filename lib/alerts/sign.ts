// Status webhooks are signed so a subscriber can tell Liftoff's messages from anyone else's and
// refuse an old one replayed.
//
// Every request carries
//   X-Liftoff-Timestamp: <unix seconds when it was sent>
//   X-Liftoff-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>", keyed with the secret>
//   X-Liftoff-Event: component.updated | incident.created | incident.updated | incident.resolved
//   X-Liftoff-Delivery: <the message's id; the same on every retry of it, to drop duplicates>
//
// To verify (what verifyWebhookSignature does): take the body as raw bytes, before any JSON
// parsing; compute HMAC-SHA256 over the timestamp header, a ".", and those bytes, with the shared
// secret; compare its hex with the header's (after "sha256=") in constant time; and refuse a
// timestamp more than five minutes from your clock. The timestamp is inside the signed string, so
// it cannot be changed to make an old message look new.
import { createHmac, timingSafeEqual } from "node:crypto";

export const signatureHeader = "x-liftoff-signature";
export const timestampHeader = "x-liftoff-timestamp";

/** How far a timestamp may be from the receiver's clock. */
export const signatureToleranceMs = 5 * 60_000;

function digest(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The two headers for `body` sent at `at`. */
export function signWebhook(body: string, secret: string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    [timestampHeader]: timestamp,
    [signatureHeader]: `sha256=${digest(secret, timestamp, body)}`,
  };
}

/** True when the signature was made with `secret` over this body and timestamp, recently. */
export function verifyWebhookSignature(input: {
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  secret: string;
  now?: Date;
}): boolean {
  const { body, timestamp, signature, secret } = input;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature?.startsWith("sha256=")) {
    return false;
  }
  const ageMs = Math.abs((input.now ?? new Date()).getTime() - Number(timestamp) * 1000);
  if (ageMs > signatureToleranceMs) return false;
  const expected = Buffer.from(digest(secret, timestamp, body), "hex");
  const given = Buffer.from(signature.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
