// The HTTP machinery every fake network shares: a real server on 127.0.0.1 (on a given port, or
// any free one), optionally under a base path (as behind a proxy: requests elsewhere get 404), a
// log of every request it received (with its full path), and a script of answers that take the
// place of the normal ones for the next N requests: a rate limit, an error status, a hang (no
// answer until the client gives up or the fake closes), any raw answer, an answer a fake defines
// itself (X's duplicate), or the request accepted (a post made) and then an answer nobody can read.
// Requests a client abandons half-way are still logged, but never answered.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  method: string;
  /** The full path, base path included. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body; `json` is its parse when it is JSON, else undefined. */
  body: string;
  json: unknown;
};

export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * After accepting a request (its route ran, so a post was made): "garbage" answers the route's
 * status with a JSON content type and a body that is not JSON; "cut" closes the connection with
 * no answer; "not-http" writes bytes that are not an HTTP answer, then closes.
 */
export type Unreadable = "garbage" | "cut" | "not-http";

/** What every fake can be told to answer instead of its normal answer. */
export type ScriptedAnswer =
  | { kind: "rate-limit"; resetAt: Date }
  | { kind: "status"; status: number }
  | { kind: "hang" }
  /** Any answer at all, e.g. a 200 whose body is not what the network would send. */
  | { kind: "raw"; answer: FakeAnswer }
  | { kind: "accept"; then: Unreadable };

/** The scripted answers the server carries out itself, whatever the network. */
type ServerKind = "hang" | "raw" | "accept";

type Route = (request: ReceivedRequest) => FakeAnswer;

export type FakeServerOptions<S> = {
  port?: number;
  /** Serve only under this path ("/social/x"), as a proxy would; `url` then ends with it. */
  basePath?: string;
  /** "METHOD /path" (the path under the base path) → the normal answer. */
  routes: Record<string, Route>;
  /** How this network words a scripted answer (the ServerKind ones are the server's own). */
  render: (answer: Exclude<S, { kind: ServerKind }>) => FakeAnswer;
};

export type FakeServer<S> = {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** The next `times` requests (to `path` under the base path only, when given) get `answer`. */
  answerNext(times: number, answer: S, path?: string): void;
  /** Each answer is held this many ms after the request was handled (stored, for a post). */
  delayAnswers(delayMs: () => number): void;
  close(): Promise<void>;
};

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, answer: FakeAnswer): void {
  const json = answer.body !== undefined && typeof answer.body !== "string";
  const body = json ? JSON.stringify(answer.body) : ((answer.body as string | undefined) ?? "");
  response
    .writeHead(answer.status, {
      "content-type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
      ...answer.headers,
    })
    .end(body);
}

/** Answers in a way no client can read, after the route has run. */
function spoil(
  request: IncomingMessage,
  response: ServerResponse,
  normal: FakeAnswer,
  how: Unreadable,
) {
  if (how === "garbage") {
    const headers = { "content-type": "application/json; charset=utf-8" };
    return send(response, { status: normal.status, headers, body: "<html>502 Bad Gateway" });
  }
  if (how === "not-http") request.socket.end("\u0000\u0001 this is not HTTP\r\n\r\n");
  else request.socket.destroy();
}

export async function startFakeServer<S extends { kind: string } = ScriptedAnswer>(
  options: FakeServerOptions<S>,
): Promise<FakeServer<S>> {
  const received: ReceivedRequest[] = [];
  const script: { answer: S; path?: string }[] = [];
  let delayMs = () => 0;

  const reply = (response: ServerResponse, answer: FakeAnswer) => {
    const ms = delayMs();
    if (ms <= 0) return send(response, answer);
    // The client may have gone (a killed sender) or the fake closed while the answer was held.
    setTimeout(() => {
      if (!response.destroyed) send(response, answer);
    }, ms);
  };

  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    const chunks: Buffer[] = [];
    // A client that disconnects mid-request (a killed sender) is not an error for the fake.
    request.on("error", () => undefined);
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const entry: ReceivedRequest = {
        method: request.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
        json: parseJson(body),
      };
      received.push(entry);
      const under = url.pathname.startsWith(`${basePath}/`);
      const path = under ? url.pathname.slice(basePath.length) : undefined;
      const route = path === undefined ? undefined : options.routes[`${entry.method} ${path}`];
      const answer = () => (route ? route(entry) : { status: 404, body: { error: "Not Found" } });
      const scripted = script.findIndex((s) => s.path === undefined || s.path === path);
      if (scripted < 0) return reply(response, answer());
      const [{ answer: next }] = script.splice(scripted, 1) as [{ answer: S }];
      const own = next as { kind: string; answer?: FakeAnswer; then?: Unreadable };
      if (own.kind === "hang") return;
      if (own.kind === "accept") return spoil(request, response, answer(), own.then!);
      if (own.kind === "raw") return reply(response, own.answer!);
      reply(response, options.render(next as Exclude<S, { kind: ServerKind }>));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    port,
    received,
    answerNext(times, answer, path) {
      for (let i = 0; i < times; i++) script.push({ answer, path });
    },
    delayAnswers(delay) {
      delayMs = delay;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The token of an "Authorization: Bearer <token>" header, or undefined. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  return /^Bearer (.+)$/i.exec(headers.authorization ?? "")?.[1];
}
