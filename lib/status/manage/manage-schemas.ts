// What founders may send to change the status page, checked at the edge. Every message names the
// field: "name: expected a name, found """.
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { formatIssues } from "@/lib/validation";

export const incidentStatuses = [
  "investigating",
  "identified",
  "monitoring",
  "resolved",
  "postmortem",
] as const;
export const incidentImpacts = ["none", "minor", "major", "critical"] as const;
export const componentStatuses = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export const maintenanceStatuses = ["scheduled", "in_progress", "verifying", "completed"] as const;

const text = (what: string, max: number) =>
  z.string().trim().min(1, what).max(max, `${what} of at most ${max} characters`);
const componentKeys = z.array(z.string().min(1).max(100), "a list of component keys").max(100);
const instant = z.iso
  .datetime({ offset: true, message: "an ISO 8601 time such as 2026-01-12T02:00:00Z" })
  .transform((value) => new Date(value));

export const createIncidentSchema = z.strictObject({
  name: text("a name", 300),
  status: z.enum(incidentStatuses),
  impact: z.enum(incidentImpacts),
  components: componentKeys.default([]),
  body: text("the first update's text", 5000),
});

export const incidentUpdateSchema = z.strictObject({
  status: z.enum(incidentStatuses),
  body: text("the update's text", 5000),
});

export const componentOverrideSchema = z.strictObject({
  statusOverride: z.enum(componentStatuses).nullable(),
});

export const maintenanceSchema = z
  .strictObject({
    name: text("a name", 300),
    body: z.string().trim().max(5000, "a text of at most 5000 characters").default(""),
    scheduledFor: instant,
    scheduledUntil: instant,
    components: componentKeys.default([]),
  })
  .refine((m) => m.scheduledUntil > m.scheduledFor, {
    path: ["scheduledUntil"],
    message: "a time after scheduledFor",
  });

export const maintenanceStatusSchema = z.strictObject({ status: z.enum(maintenanceStatuses) });

export type CreateIncidentInput = z.output<typeof createIncidentSchema>;
export type IncidentUpdateInput = z.output<typeof incidentUpdateSchema>;
export type MaintenanceInput = z.output<typeof maintenanceSchema>;

/** Parses `input` or throws a 422 whose message names each wrong field, one per line. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const lines = formatIssues(parsed.error.issues).split("\n");
    throw new ValidationError(lines.map((line) => line.trim()).join("\n"));
  }
  return parsed.data;
}

/** A record id from the URL: a positive integer, else a 404 (no such record can exist). */
export function parseId(raw: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
