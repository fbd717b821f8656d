// A running Liftoff's founders' API without Next: a test database, a configuration file and the
// environment the routes read, one founder account, and a real session signed in through
// better-auth's own handler. Route handlers are then called with real Requests carrying the
// session cookie, as a browser on Liftoff's own page would send them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFounder } from "@/lib/auth/founders";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { createTestDatabase, type TestDatabase } from "./database";

/** LIFTOFF_BASE_URL in these tests: Liftoff's own origin. */
export const ownOrigin = "https://liftoff.stashbox.test";

/** A configuration with one component and one channel whose posts wait for approval. */
export const founderConfig = `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }
channels:
  - { kind: mastodon, key: toot, baseUrl: "http://127.0.0.1:1", tokenEnv: TOOT_TOKEN, mode: approve }
`;

export type FounderSession = {
  database: TestDatabase;
  founder: { id: string; email: string };
  /** The session's Cookie header. */
  cookie: string;
  end(): Promise<void>;
};

export async function startFounderSession(
  configText: string,
  extraEnv: Record<string, string> = {},
) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "liftoff-founder-"));
  const saved = { ...process.env };
  const database = await createTestDatabase();
  const configFile = path.join(folder, "liftoff.config.yaml");
  writeFileSync(configFile, configText);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    LIFTOFF_CONFIG: configFile,
    LIFTOFF_DATA_DIR: path.join(folder, "data"),
    LIFTOFF_BASE_URL: ownOrigin,
    PORT: "3000",
    LOG_LEVEL: "silent",
    ...extraEnv,
  });
  await syncConfig(database.db, parseConfig(configText, configFile));
  const password = "correct horse battery";
  const founder = await createFounder(database.db, { email: "ada@stashbox.test", password });
  const { auth } = await import("@/lib/auth/server");
  const signIn = await auth().handler(
    new Request(`${ownOrigin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ownOrigin },
      body: JSON.stringify({ email: founder.email, password }),
    }),
  );
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return {
    database,
    founder,
    cookie,
    async end() {
      const { db } = await import("@/lib/db");
      await db()
        .$disconnect()
        .catch(() => undefined);
      await database.drop();
      process.env = saved;
      rmSync(folder, { recursive: true, force: true });
    },
  } satisfies FounderSession;
}

export type Call = {
  method?: string;
  body?: unknown;
  /** Headers besides the cookie; `origin` defaults to Liftoff's own. Null leaves one out. */
  headers?: Record<string, string | null>;
  cookie?: string | null;
};

/** A Request to `pathname` as the founder's browser would send it, with `call`'s changes. */
export function founderRequest(session: FounderSession, pathname: string, call: Call = {}) {
  const headers = new Headers();
  const wanted: Record<string, string | null> = {
    "content-type": "application/json",
    origin: ownOrigin,
    cookie: call.cookie === undefined ? session.cookie : call.cookie,
    ...call.headers,
  };
  for (const [name, value] of Object.entries(wanted)) if (value !== null) headers.set(name, value);
  return new Request(`${ownOrigin}${pathname}`, {
    method: call.method ?? "POST",
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}

/** A route handler's answer: status and parsed JSON body. */
export async function answerOf(response: Response) {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}
