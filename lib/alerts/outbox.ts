// The notification outbox: rows written in the same transaction that decides them, each with an
// idempotency key, so deciding twice (a second run, a second worker, a retry after a crash)
// stores each message once.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Section } from "./destinations";

export type NewNotification = {
  section: Section;
  destination: string;
  event: string;
  subject: string;
  state: string;
  idempotencyKey: string;
  /** The JSON text to send. */
  body: string;
  /** Recorded as the state a status webhook starts from, never sent. */
  baseline?: boolean;
};

/** Serialises everything that decides notifications, across workers. */
export async function lockOutbox(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('liftoff:alerts'), hashtext('outbox'))`;
}

/** Inserts the rows not stored yet; returns how many were new (baseline rows excluded). */
export async function insertNotifications(
  tx: Prisma.TransactionClient,
  rows: NewNotification[],
  now: Date,
): Promise<number> {
  let inserted = 0;
  for (const row of rows) {
    const status = row.baseline ? "baseline" : "pending";
    const added = await tx.$executeRaw`
      INSERT INTO notification (section, destination, event, subject, state, idempotency_key, body,
                                status, next_attempt_at, created_at, updated_at)
      VALUES (${row.section}, ${row.destination}, ${row.event}, ${row.subject}, ${row.state},
              ${row.idempotencyKey}, ${row.body}, ${status}::notification_status, ${now}, ${now}, ${now})
      ON CONFLICT (idempotency_key) DO NOTHING`;
    if (!row.baseline) inserted += added;
  }
  return inserted;
}
