// A fake Mastodon server: POST /api/v1/statuses with a bearer token, and Idempotency-Key honoured
// as Mastodon does: a repeated key gets the status the first request made, and no new one.
import { bearerToken, startFakeServer, type FakeServer, type ScriptedAnswer } from "./fake-server";

export type FakeMastodonOptions = {
  port?: number;
  /** Serve under this path, as behind a proxy ("/social/x"). */
  basePath?: string;
  token?: string;
};

export type FakeStatus = { id: string; text: string; url: string; idempotencyKey?: string };

export type FakeMastodon = FakeServer<ScriptedAnswer> & {
  token: string;
  statuses: FakeStatus[];
  /** Posts a reader of the account would see. */
  postCount(): number;
};

function statusBody(status: FakeStatus, baseUrl: string) {
  return {
    id: status.id,
    uri: `${baseUrl}/users/liftoff/statuses/${status.id}`,
    url: status.url,
    created_at: new Date().toISOString(),
    content: `<p>${status.text.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
    visibility: "public",
    account: { id: "1", username: "liftoff", acct: "liftoff" },
  };
}

export async function startFakeMastodon(options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const token = options.token ?? "fake-mastodon-token";
  const statuses: FakeStatus[] = [];
  const byKey = new Map<string, FakeStatus>();
  let baseUrl = "";

  const server = await startFakeServer({
    port: options.port,
    basePath: options.basePath,
    render: (answer) => {
      if (answer.kind === "status")
        return { status: answer.status, body: { error: `HTTP ${answer.status}` } };
      return {
        status: 429,
        headers: {
          "x-ratelimit-limit": "300",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": answer.resetAt.toISOString(),
        },
        body: { error: "Too many requests" },
      };
    },
    routes: {
      "POST /api/v1/statuses": (request) => {
        if (bearerToken(request.headers) !== token) {
          return { status: 401, body: { error: "The access token is invalid" } };
        }
        const key = request.headers["idempotency-key"];
        const idempotencyKey = typeof key === "string" ? key : undefined;
        const earlier = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
        if (earlier) return { status: 200, body: statusBody(earlier, baseUrl) };
        const text = (request.json as { status?: unknown } | undefined)?.status;
        if (typeof text !== "string" || text.trim() === "") {
          return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
        }
        const id = String(110_000_000_000_000_000n + BigInt(statuses.length + 1));
        const status = { id, text, url: `${baseUrl}/@liftoff/${id}`, idempotencyKey };
        statuses.push(status);
        if (idempotencyKey) byKey.set(idempotencyKey, status);
        return { status: 200, body: statusBody(status, baseUrl) };
      },
    },
  });
  baseUrl = server.url;
  return { ...server, token, statuses, postCount: () => statuses.length };
}
