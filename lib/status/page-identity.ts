// Who the page is: a stable id derived from the service's domain (Statuspage's ids are 12
// characters of [a-z0-9]; this one survives a database rebuild), and its public address.
import { createHash } from "node:crypto";
import { env, publicBaseUrl } from "@/lib/env";

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

export function pageId(domain: string): string {
  const digest = createHash("sha256").update(`liftoff-status:${domain.toLowerCase()}`).digest();
  return Array.from(digest.subarray(0, 12), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** statusPage.url, else LIFTOFF_BASE_URL (or http://localhost:$PORT) + /status. */
export function pageUrl(configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, "");
  return `${publicBaseUrl(env())}/status`;
}
