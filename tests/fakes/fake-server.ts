// The HTTP machinery every fake network shares: a real server on 127.0.0.1 (on a given port, or
// any free one), a log of every request it received, and a script of answers that take the place
// of the normal ones for the next N requests: a rate limit, an error status, a hang (no answer
// until the client gives up or the fake closes), any raw answer, or an answer a fake defines
// itself (X's duplicate). Requests a client abandons half-way are still logged, but never answered.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body; `json` is its parse when it is JSON, else undefined. */
  body: string;
  json: unknown;
};

export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

/** What every fake can be told to answer instead of its normal answer. */
export type ScriptedAnswer =
  | { kind: "rate-limit"; resetAt: Date }
  | { kind: "status"; status: number }
  | { kind: "hang" }
  /** Any answer at all, e.g. a 200 whose body is not what the network would send. */
  | { kind: "raw"; answer: FakeAnswer };

type Route = (request: ReceivedRequest) => FakeAnswer;

export type FakeServerOptions<S> = {
  port?: number;
  /** "METHOD /path" → the normal answer. */
  routes: Record<string, Route>;
  /** How this network words a scripted answer ("hang" and "raw" are the server's own). */
  render: (answer: Exclude<S, { kind: "hang" | "raw" }>) => FakeAnswer;
};

export type FakeServer<S> = {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** The next `times` requests (to `path` only, when given) get `answer`. */
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
      const scripted = script.findIndex((s) => s.path === undefined || s.path === entry.path);
      if (scripted >= 0) {
        const [{ answer }] = script.splice(scripted, 1) as [{ answer: S }];
        if (answer.kind === "hang") return;
        const raw = answer as { kind: string; answer?: FakeAnswer };
        if (raw.kind === "raw" && raw.answer) reply(response, raw.answer);
        else reply(response, options.render(answer as Exclude<S, { kind: "hang" | "raw" }>));
        return;
      }
      const route = options.routes[`${entry.method} ${entry.path}`];
      reply(response, route ? route(entry) : { status: 404, body: { error: "Not Found" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
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
