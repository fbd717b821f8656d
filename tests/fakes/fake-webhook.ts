// A fake incoming webhook (Slack or Discord): records every delivery. Neither network
// deduplicates, so every delivery is a post a reader sees.
import { startFakeServer, type FakeServer, type ScriptedAnswer } from "./fake-server";

export type FakeWebhookOptions = {
  port?: number;
  /** Serve under this path, as behind a proxy ("/social/hooks"); the hook is at its /hooks/liftoff. */
  basePath?: string;
};

export type FakeDelivery = { body: unknown; idempotencyKey: string | undefined };

export type FakeWebhook = FakeServer<ScriptedAnswer> & {
  deliveries: FakeDelivery[];
  /** The distinct X-Liftoff-Idempotency-Key values delivered. */
  distinctKeys(): string[];
  /** Posts a reader of the channel would see. */
  postCount(): number;
};

export async function startFakeWebhook(options: FakeWebhookOptions = {}): Promise<FakeWebhook> {
  const deliveries: FakeDelivery[] = [];
  const server = await startFakeServer({
    port: options.port,
    basePath: options.basePath,
    render: (answer) => {
      if (answer.kind === "status") return { status: answer.status, body: "error" };
      const seconds = Math.max(0, Math.ceil((answer.resetAt.getTime() - Date.now()) / 1000));
      return { status: 429, headers: { "retry-after": String(seconds) }, body: "rate limited" };
    },
    routes: {
      "POST /hooks/liftoff": (request) => {
        const key = request.headers["x-liftoff-idempotency-key"];
        deliveries.push({
          body: request.json,
          idempotencyKey: typeof key === "string" ? key : undefined,
        });
        return { status: 200, body: "ok" };
      },
    },
  });
  return {
    ...server,
    url: `${server.url}/hooks/liftoff`,
    deliveries,
    distinctKeys: () => [
      ...new Set(deliveries.flatMap((d) => (d.idempotencyKey ? [d.idempotencyKey] : []))),
    ],
    postCount: () => deliveries.length,
  };
}
