// Sends the outbox's due messages. Rows are claimed with FOR UPDATE SKIP LOCKED and leased
// (status sending, next_attempt_at = the lease's end), so two workers never send one message at
// once, and a worker that dies mid-send leaves its rows to be claimed again once the lease ends.
// Destinations are served side by side, each one's messages in order; a failure ends that
// destination's turn (its later messages wait for the next run) and schedules a retry
// (retry-schedule.ts). The whole call is bounded by `budgetMs`: a destination that hangs or keeps
// failing delays a check-monitors run by at most that, and its failures are recorded on its rows.
import type { Database } from "@/lib/database/client";
import { EnvError, readSecret } from "@/lib/env";
import type { Logger } from "@/lib/log";
import {
  type Destination,
  type DestinationConfig,
  destinationLabel,
  findDestination,
} from "./destinations";
import { DeliveryError, postNotification } from "./post-notification";
import { nextAttemptAt } from "./retry-schedule";
import { signWebhook } from "./sign";

type Env = Record<string, string | undefined>;

export type DeliveryOptions = {
  /** The most time the call may take. */
  budgetMs?: number;
  /** At most this many messages per call. */
  limit?: number;
  log?: Logger;
  /** Where URLs and secrets are read from; the process's environment by default. */
  env?: Env;
};

export type DeliveryResult = { sent: number; failed: number; givenUp: number };

type Claimed = {
  id: number;
  section: string;
  destination: string;
  event: string;
  body: string;
  attempts: number;
};

/** A claim lasts the budget plus this; a row still "sending" after that was left by a worker that
 *  died mid-send, and is claimed again (receivers drop the repeat by its X-Liftoff-Delivery). */
const leaseMarginMs = 30_000;

async function claim(db: Database, now: Date, leaseMs: number, limit: number): Promise<Claimed[]> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE notification SET status = 'sending', updated_at = ${now},
           next_attempt_at = ${new Date(now.getTime() + leaseMs)}
    WHERE id IN (
      SELECT id FROM notification
      WHERE status IN ('pending', 'sending') AND next_attempt_at <= ${now}
      ORDER BY id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, section, destination, event, body, attempts`;
  return rows.sort((a, b) => a.id - b.id);
}

async function release(db: Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const now = new Date();
  await db.$executeRaw`
    UPDATE notification SET status = 'pending', next_attempt_at = ${now}, updated_at = ${now}
    WHERE id = ANY(${ids}::int[]) AND status = 'sending'`;
}

async function markSent(db: Database, row: Claimed): Promise<void> {
  const now = new Date();
  await db.$executeRaw`
    UPDATE notification SET status = 'sent', sent_at = ${now}, attempts = attempts + 1,
           error = NULL, updated_at = ${now}
    WHERE id = ${row.id}`;
}

/** Records a failure; returns whether the message was given up. */
async function markFailed(
  db: Database,
  row: Claimed,
  error: string,
  retry: boolean,
): Promise<boolean> {
  const now = new Date();
  const next = retry ? nextAttemptAt(row.attempts + 1, now) : null;
  await db.$executeRaw`
    UPDATE notification SET attempts = attempts + 1, error = ${error.slice(0, 500)}, updated_at = ${now},
           status = ${next ? "pending" : "failed"}::notification_status,
           next_attempt_at = ${next ?? now}
    WHERE id = ${row.id}`;
  return next === null;
}

function request(destination: Destination, row: Claimed, env: Env, at: Date) {
  const url = readSecret(destination.config.urlEnv, env as NodeJS.ProcessEnv);
  const headers: Record<string, string> = {
    "x-liftoff-event": row.event,
    "x-liftoff-delivery": String(row.id),
  };
  if (destination.section === "webhooks") {
    Object.assign(
      headers,
      signWebhook(row.body, readSecret(destination.config.secretEnv, env as NodeJS.ProcessEnv), at),
    );
  }
  return { url, headers };
}

/** What a failure records: only messages that name the destination and at most a variable. */
function failureMessage(label: string, error: unknown): string {
  if (error instanceof DeliveryError) return error.message;
  if (error instanceof EnvError) return `${label}: ${error.message}`;
  return `${label}: delivery failed`;
}

export async function deliverNotifications(
  db: Database,
  config: DestinationConfig,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const budgetMs = options.budgetMs ?? 10_000;
  const env = options.env ?? process.env;
  const deadline = Date.now() + budgetMs;
  const rows = await claim(db, new Date(), budgetMs + leaseMarginMs, options.limit ?? 50);
  const result: DeliveryResult = { sent: 0, failed: 0, givenUp: 0 };
  const byDestination = new Map<string, Claimed[]>();
  for (const row of rows) {
    const label = destinationLabel(row.section as Destination["section"], row.destination);
    byDestination.set(label, [...(byDestination.get(label) ?? []), row]);
  }

  async function serve(label: string, queue: Claimed[]): Promise<void> {
    const destination = findDestination(config, queue[0]!.section, queue[0]!.destination);
    const from = (i: number) => queue.slice(i).map((r) => r.id);
    for (const [i, row] of queue.entries()) {
      const remaining = deadline - Date.now();
      if (remaining < 50) return release(db, from(i));
      try {
        if (!destination)
          throw new DeliveryError("config", `${label}: no longer in the configuration`);
        const { url, headers } = request(destination, row, env, new Date());
        await postNotification({
          url,
          urlEnv: destination.config.urlEnv,
          label,
          body: row.body,
          headers,
          timeoutMs: Math.min(destination.config.timeout, remaining),
        });
      } catch (error) {
        const message = failureMessage(label, error);
        const gaveUp = await markFailed(db, row, message, destination !== null);
        result.failed += 1;
        if (gaveUp) result.givenUp += 1;
        options.log?.warn(
          {
            destination: label,
            event: row.event,
            attempts: row.attempts + 1,
            gaveUp,
            error: message,
          },
          "notification not delivered",
        );
        return release(db, from(i + 1));
      }
      await markSent(db, row);
      result.sent += 1;
    }
  }

  await Promise.all([...byDestination].map(([label, queue]) => serve(label, queue)));
  return result;
}
