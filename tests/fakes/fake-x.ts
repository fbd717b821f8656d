// A fake X API v2: POST /2/tweets, OAuth 1.0a checked from the RFC (a bad signature is 401), and
// a text it already holds refused with 403 "duplicate content", worded as X words it.
import { checkOAuth1, type OAuth1Secrets } from "./oauth1-signature";
import { startFakeServer, type FakeServer, type ScriptedAnswer } from "./fake-server";

export type XScriptedAnswer = ScriptedAnswer | { kind: "duplicate" };

export type FakeXOptions = {
  port?: number;
  /** Serve under this path, as behind a proxy ("/social/x"). */
  basePath?: string;
  credentials?: Partial<OAuth1Secrets>;
};

export type FakeX = FakeServer<XScriptedAnswer> & {
  credentials: OAuth1Secrets;
  tweets: { id: string; text: string }[];
  /** Posts a reader of the account would see. */
  postCount(): number;
};

const problem = (status: number, title: string, detail: string) => ({
  status,
  body: { title, detail, type: "about:blank", status },
});

const duplicate = problem(
  403,
  "Forbidden",
  "You are not allowed to create a Tweet with duplicate content.",
);

export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const credentials: OAuth1Secrets = {
    consumerKey: "fake-x-api-key",
    consumerSecret: "fake-x-api-secret",
    token: "1234-fake-x-access-token",
    tokenSecret: "fake-x-access-secret",
    ...options.credentials,
  };
  const tweets: FakeX["tweets"] = [];
  const seenNonces = new Set<string>();
  let nextId = 1_790_000_000_000_000_000n;

  const server = await startFakeServer<XScriptedAnswer>({
    port: options.port,
    basePath: options.basePath,
    render: (answer) => {
      if (answer.kind === "duplicate") return duplicate;
      if (answer.kind === "status") return problem(answer.status, "Error", `HTTP ${answer.status}`);
      const reset = String(Math.floor(answer.resetAt.getTime() / 1000));
      return {
        ...problem(429, "Too Many Requests", "Too Many Requests"),
        headers: {
          "x-rate-limit-limit": "100",
          "x-rate-limit-remaining": "0",
          "x-rate-limit-reset": reset,
        },
      };
    },
    routes: {
      "POST /2/tweets": (request) => {
        const refused = checkOAuth1(
          {
            method: request.method,
            url: `http://${request.headers.host}${request.path}${request.query.size ? `?${request.query}` : ""}`,
            authorization: request.headers.authorization,
            contentType: request.headers["content-type"],
            body: request.body,
          },
          credentials,
          seenNonces,
        );
        if (refused) return problem(401, "Unauthorized", `Unauthorized (${refused})`);
        const text = (request.json as { text?: unknown } | undefined)?.text;
        if (typeof text !== "string" || text.trim() === "") {
          return problem(
            400,
            "Invalid Request",
            "One or more parameters to your request was invalid.",
          );
        }
        if (tweets.some((tweet) => tweet.text === text)) return duplicate;
        const id = String(nextId++);
        tweets.push({ id, text });
        return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
      },
    },
  });
  return { ...server, credentials, tweets, postCount: () => tweets.length };
}
