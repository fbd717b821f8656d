// Status changes, as PostgreSQL announces them: every write that changes the public page notifies
// the channel "liftoff_status" inside its own transaction (a trigger, migration
// 20261202100000_status_change_notify), and PostgreSQL delivers it to every listening process on
// commit, on this machine or another. So a web process learns of an outage the worker opened, or
// an incident a founder posted in another web process, within milliseconds, with no timer.
// While the listening connection is down, the process polls instead (`onChange("poll")` every
// `pollMs`) and reconnects with backoff; once back, it catches up with one `onChange("listening")`.
import pg from "pg";

export const statusChannel = "liftoff_status";
/** How the listening connection names itself in pg_stat_activity. */
export const listenerName = "liftoff status listener";

export type StatusChangeCause = "notified" | "listening" | "poll";

export type StatusChangeOptions = {
  url: string;
  onChange(cause: StatusChangeCause): void;
  pollMs: number;
  /** First reconnection delay; doubles to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** A connection that cannot answer `SELECT 1` within this is treated as gone. */
  heartbeatMs?: number;
  onState?(listening: boolean, error?: unknown): void;
};

export type StatusChanges = { listening(): boolean; stop(): Promise<void> };

export function listenForStatusChanges(options: StatusChangeOptions): StatusChanges {
  const { url, onChange, pollMs, reconnectMs = 1_000, maxReconnectMs = 30_000 } = options;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let client: pg.Client | null = null;
  let listening = false;
  let stopped = false;
  let failures = 0;
  let poll: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const startPolling = () => {
    poll ??= setInterval(() => onChange("poll"), pollMs).unref();
  };
  const stopTimers = () => {
    if (poll) clearInterval(poll);
    if (heartbeat) clearInterval(heartbeat);
    if (retry) clearTimeout(retry);
    poll = heartbeat = retry = null;
  };

  function lost(from: pg.Client, error?: unknown) {
    if (client !== from) return;
    client = null;
    from.removeAllListeners("notification");
    from.on("error", () => undefined);
    void from.end().catch(() => undefined);
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    if (listening) options.onState?.(false, error);
    listening = false;
    if (stopped) return;
    startPolling();
    const delay = Math.min(maxReconnectMs, reconnectMs * 2 ** Math.min(failures, 10));
    failures += 1;
    retry = setTimeout(() => void connect(), delay).unref();
  }

  async function connect() {
    retry = null;
    if (stopped) return;
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: listenerName,
    });
    client = next;
    next.on("notification", (message) => {
      if (message.channel === statusChannel) onChange("notified");
    });
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${statusChannel}`);
    } catch (error) {
      lost(next, error);
      return;
    }
    if (client !== next || stopped) return;
    listening = true;
    failures = 0;
    if (poll) clearInterval(poll);
    poll = null;
    options.onState?.(true);
    // A network that drops silently never says "end": ask now and then.
    heartbeat = setInterval(() => {
      const timer = setTimeout(() => lost(next, new Error("heartbeat timed out")), heartbeatMs);
      next.query("SELECT 1").then(
        () => clearTimeout(timer),
        (error: unknown) => {
          clearTimeout(timer);
          lost(next, error);
        },
      );
    }, heartbeatMs).unref();
    // Whatever changed while nobody was listening.
    onChange("listening");
  }

  startPolling();
  void connect();

  return {
    listening: () => listening,
    async stop() {
      stopped = true;
      stopTimers();
      const current = client;
      client = null;
      listening = false;
      if (current) await current.end().catch(() => undefined);
    },
  };
}
