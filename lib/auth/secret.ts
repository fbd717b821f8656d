import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";

/**
 * The key that signs session cookies: LIFTOFF_AUTH_SECRET, or for a local install a random key
 * kept in the data folder (created on first use, readable only by its owner).
 */
export function authSecret(settings: Env): string {
  if (settings.LIFTOFF_AUTH_SECRET) return settings.LIFTOFF_AUTH_SECRET;
  const file = path.resolve(settings.LIFTOFF_DATA_DIR, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
