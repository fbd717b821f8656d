// Writes one entry of the audit trail: who (the founder, by id and by the email they had then)
// did what to which subject. Called inside the action's own transaction, so an action that is
// rolled back leaves no entry and one that commits leaves exactly one.
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who took a founder's action. */
export type Founder = { id: string; email: string };

export type AuditSubject = "incident" | "component" | "maintenance" | "post";

export type AuditAction = {
  /** What was done, as subject.verb: "incident.created", "post.approved". */
  action: `${AuditSubject}.${string}`;
  subjectId: string | number;
  /** A short sentence a team reads in the Activity list. */
  summary: string;
};

const maxSummary = 500;

export async function recordAudit(
  tx: Prisma.TransactionClient,
  founder: Founder,
  entry: AuditAction,
  at = new Date(),
): Promise<void> {
  const summary =
    entry.summary.length > maxSummary
      ? `${entry.summary.slice(0, maxSummary - 1)}…`
      : entry.summary;
  await tx.auditEntry.create({
    data: {
      founderId: founder.id,
      founderEmail: founder.email,
      action: entry.action,
      subjectType: entry.action.split(".")[0]!,
      subjectId: String(entry.subjectId),
      summary,
      at,
    },
  });
}
