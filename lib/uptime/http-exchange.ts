// One HTTP(S) request on a fresh connection (no keep-alive pool: every check pays for its own
// connection, as a visitor would). Redirects are not followed here; probe-http.ts decides. The body
// is read on demand, up to a limit, and both halves stop at the probe's deadline.
import http from "node:http";
import https from "node:https";
import { rootCertificates } from "node:tls";
import { type ProbeDeadline, untilDeadline } from "./probe-deadline";
import { ProbeFailure } from "./probe-result";

export type HttpAnswer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Reads the body as text, refusing it past `maxBytes` without reading the rest. */
  readBody(maxBytes: number): Promise<string>;
  /** Closes the connection without reading the body. */
  discard(): void;
};

export type HttpRequest = {
  url: URL;
  method: string;
  headers: Record<string, string>;
  ca?: string[];
};

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export function sendRequest(request: HttpRequest, deadline: ProbeDeadline): Promise<HttpAnswer> {
  const client = request.url.protocol === "https:" ? https : http;
  deadline.phase = `waiting for ${request.url.origin}`;
  return untilDeadline<HttpAnswer>(deadline, (resolve, reject) => {
    let answered = false;
    const outgoing = client.request(
      request.url,
      {
        method: request.method,
        headers: { "user-agent": "Liftoff monitor", ...request.headers },
        agent: false,
        ...(request.ca ? { ca: [...rootCertificates, ...request.ca] } : {}),
      },
      (response) => {
        answered = true;
        resolve(answer(response, deadline));
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
    return () => {
      if (!answered) outgoing.destroy();
    };
  });
}

function answer(response: http.IncomingMessage, deadline: ProbeDeadline): HttpAnswer {
  const status = response.statusCode ?? 0;
  return {
    status,
    headers: response.headers,
    discard: () => response.destroy(),
    readBody(maxBytes) {
      deadline.phase = `reading the body of an HTTP ${status} answer`;
      const declared = Number(response.headers["content-length"]);
      if (declared > maxBytes) {
        response.destroy();
        const error = `answer of ${mib(declared)} is over the ${mib(maxBytes)} limit`;
        return Promise.reject(new ProbeFailure(error));
      }
      return untilDeadline<string>(deadline, (resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let ended = false;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            reject(new ProbeFailure(`answer is over the ${mib(maxBytes)} limit`));
          } else chunks.push(chunk);
        });
        response.on("end", () => {
          ended = true;
          resolve(Buffer.concat(chunks).toString("utf8"));
        });
        response.on("error", reject);
        response.on("close", () => {
          if (!ended) reject(new ProbeFailure("connection closed before the body was complete"));
        });
        return () => {
          if (!ended) response.destroy();
        };
      });
    },
  };
}
