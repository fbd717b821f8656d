// What a status snapshot was made from: the database (its server, port and name, never its
// password) and the configuration (the whole loaded file). A snapshot saved for one is never
// served for another (snapshot-file.ts).
import { createHash } from "node:crypto";

export function statusIdentity(databaseUrl: string | undefined, config: unknown): string {
  let database = "none";
  if (databaseUrl) {
    try {
      const url = new URL(databaseUrl);
      database = `${url.hostname}:${url.port || "5432"}${url.pathname}`;
    } catch {
      database = "unparsable";
    }
  }
  const configured = createHash("sha256").update(JSON.stringify(config)).digest("base64url");
  return `${database} ${configured.slice(0, 22)}`;
}
