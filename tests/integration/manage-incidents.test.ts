// Founders' writes to the status page against a real PostgreSQL: an incident opened by hand with
// its first update, updates that move its status and times, component overrides, maintenance
// scheduled and completed; every refusal a 422 naming the field or a 404 for an unknown record;
// and the status snapshot built afterwards shows each change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseConfig } from "@/lib/config";
import { syncConfig } from "@/lib/setup/sync-config";
import { buildStatusSnapshot } from "@/lib/status/build-snapshot";
import { createIncident } from "@/lib/status/manage/create-incident";
import {
  componentOverrideSchema,
  createIncidentSchema,
  incidentUpdateSchema,
  maintenanceSchema,
  maintenanceStatusSchema,
  parseId,
  parseInput,
} from "@/lib/status/manage/manage-schemas";
import { postIncidentUpdate } from "@/lib/status/manage/post-incident-update";
import { readJsonBody } from "@/lib/status/manage/read-json-body";
import { readStatusControl } from "@/lib/status/manage/read-status-control";
import {
  scheduleMaintenance,
  setMaintenanceStatus,
} from "@/lib/status/manage/schedule-maintenance";
import { setComponentOverride } from "@/lib/status/manage/set-component-override";
import { createTestDatabase, type TestDatabase } from "../support/database";

const HOUR = 3_600_000;
const founder = { id: "founder-1", email: "ada@stashbox.test" };
let database: TestDatabase;

const config = parseConfig(
  `service: { name: Stashbox, domain: stashbox.test }
components:
  - { key: web, name: Website }
  - { key: api, name: API }
  - { key: uploads, name: Uploads, group: api }
`,
  "t.yaml",
);

beforeAll(async () => {
  database = await createTestDatabase();
  await syncConfig(database.db, config);
});
afterAll(() => database?.drop());

/** The 422's message for `input`, or a failure when it was accepted. */
function refusal(schema: Parameters<typeof parseInput>[0], input: unknown): string {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

describe("what founders may send", () => {
  it("names each wrong field and what was found", () => {
    expect(
      refusal(createIncidentSchema, {
        name: "  ",
        status: "fixed",
        impact: "minor",
        body: "Looking into it.",
      }),
    ).toBe(
      'name: expected a name, found ""\nstatus: expected one of "investigating", "identified", "monitoring", "resolved", "postmortem", found "fixed"',
    );
    expect(refusal(incidentUpdateSchema, { status: "resolved" })).toBe(
      "body: expected a string, found nothing",
    );
    expect(refusal(componentOverrideSchema, { statusOverride: "broken" })).toMatch(
      /^statusOverride: expected one of "operational", .*found "broken"$/,
    );
    expect(refusal(maintenanceStatusSchema, { status: "done", extra: 1 })).toContain(
      "no unknown keys (remove extra)",
    );
    expect(
      refusal(maintenanceSchema, {
        name: "Database upgrade",
        scheduledFor: "2026-01-21T04:00:00Z",
        scheduledUntil: "2026-01-21T02:00:00Z",
      }),
    ).toBe("scheduledUntil: expected a time after scheduledFor, found a mapping");
    expect(
      refusal(maintenanceSchema, { name: "x", scheduledFor: "tomorrow", scheduledUntil: "" }),
    ).toMatch(/^scheduledFor: expected an ISO 8601 time .*found "tomorrow"\nscheduledUntil:/);
  });

  it("takes ids from the URL only as positive integers", () => {
    expect(parseId("42")).toBe(42);
    expect(["0", "-1", "1.5", "abc", "99999999999", ""].map(parseId)).toEqual(Array(6).fill(null));
  });

  it("takes JSON bodies only", async () => {
    const post = (body: string, type = "application/json") =>
      readJsonBody(
        new Request("http://x/", { method: "POST", body, headers: { "content-type": type } }),
      );
    await expect(post('{"a":1}')).resolves.toEqual({ a: 1 });
    await expect(post("name=x", "application/x-www-form-urlencoded")).rejects.toThrow(
      /^body: expected JSON \(Content-Type: application\/json\)/,
    );
    await expect(post("{oops")).rejects.toThrow(ValidationError);
  });
});

describe("incidents by hand", () => {
  it("opens one with its first update and components, then moves it to resolved", async () => {
    const opened = new Date("2026-01-20T10:00:00Z");
    const input = parseInput(createIncidentSchema, {
      name: " Uploads failing ",
      status: "investigating",
      impact: "major",
      components: ["uploads", "web"],
      body: "Some uploads fail with a 502.",
    });
    const incident = await createIncident(database.db, founder, input, opened);
    expect(incident).toMatchObject({
      name: "Uploads failing",
      status: "investigating",
      resolvedAt: null,
    });

    const stored = await database.db.incident.findUniqueOrThrow({
      where: { id: incident.id },
      include: { updates: true, components: { orderBy: { key: "asc" } } },
    });
    expect(stored).toMatchObject({ automatic: false, impact: "major", startedAt: opened });
    expect(stored.components.map((c) => c.key)).toEqual(["uploads", "web"]);
    expect(stored.updates.map((u) => [u.status, u.body])).toEqual([
      ["investigating", "Some uploads fail with a 502."],
    ]);

    const monitoring = new Date(opened.getTime() + HOUR);
    expect(
      await postIncidentUpdate(
        database.db,
        founder,
        incident.id,
        { status: "monitoring", body: "A fix is out; watching." },
        monitoring,
      ),
    ).toMatchObject({ status: "monitoring", monitoringAt: monitoring, resolvedAt: null });
    const resolved = new Date(opened.getTime() + 2 * HOUR);
    expect(
      await postIncidentUpdate(
        database.db,
        founder,
        incident.id,
        { status: "resolved", body: "All uploads work again." },
        resolved,
      ),
    ).toMatchObject({ status: "resolved", monitoringAt: monitoring, resolvedAt: resolved });
    // A postmortem keeps the time it was resolved; reopening clears it.
    expect(
      await postIncidentUpdate(database.db, founder, incident.id, {
        status: "postmortem",
        body: "Why.",
      }),
    ).toMatchObject({ resolvedAt: resolved });
    expect(
      await postIncidentUpdate(database.db, founder, incident.id, {
        status: "identified",
        body: "Again.",
      }),
    ).toMatchObject({ status: "identified", resolvedAt: null });
    expect(await database.db.incidentUpdate.count({ where: { incidentId: incident.id } })).toBe(5);
    // Open again, its major impact shows on the components it names and on their group.
    const snapshot = await buildStatusSnapshot(database.db, config);
    expect(snapshot.components.map((c) => [c.key, c.status, c.computedStatus])).toEqual([
      ["api", "partial_outage", "operational"],
      ["uploads", "partial_outage", "operational"],
      ["web", "partial_outage", "operational"],
    ]);
    expect(snapshot.status.indicator).toBe("major");
  });

  it("refuses an unknown component (422) and an unknown incident (404)", async () => {
    const input = parseInput(createIncidentSchema, {
      name: "x",
      status: "investigating",
      impact: "none",
      components: ["web", "cdn"],
      body: "y",
    });
    await expect(createIncident(database.db, founder, input)).rejects.toThrow(
      new ValidationError(
        'components[1]: expected the key of a status-page component, found "cdn"',
      ),
    );
    await expect(
      postIncidentUpdate(database.db, founder, 999_999, { status: "resolved", body: "z" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      postIncidentUpdate(database.db, founder, null, { status: "resolved", body: "z" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("component overrides and maintenance", () => {
  it("sets and clears an override; an unknown component is a 404", async () => {
    expect(await setComponentOverride(database.db, founder, "web", "partial_outage")).toEqual({
      key: "web",
      statusOverride: "partial_outage",
    });
    const snapshot = await buildStatusSnapshot(database.db, config);
    const web = snapshot.components.find((c) => c.key === "web")!;
    expect([web.status, web.computedStatus]).toEqual(["partial_outage", "operational"]);
    await setComponentOverride(database.db, founder, "web", "operational");
    const quiet = await buildStatusSnapshot(database.db, config);
    // A founder's override outranks the open incident that names it.
    expect(quiet.components.find((c) => c.key === "web")!.status).toBe("operational");
    await setComponentOverride(database.db, founder, "web", null);
    const after = await buildStatusSnapshot(database.db, config);
    // Without the override, the incident reopened above shows on it again.
    expect(after.components.find((c) => c.key === "web")!.status).toBe("partial_outage");
    await expect(setComponentOverride(database.db, founder, "cdn", null)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("schedules a window, shows it, and completes it", async () => {
    const from = new Date(Date.now() + 24 * HOUR);
    const input = parseInput(maintenanceSchema, {
      name: "Database upgrade",
      body: "Uploads may pause.",
      scheduledFor: from.toISOString(),
      scheduledUntil: new Date(from.getTime() + 2 * HOUR).toISOString(),
      components: ["uploads"],
    });
    const maintenance = await scheduleMaintenance(database.db, founder, input);
    expect(maintenance).toMatchObject({ name: "Database upgrade", status: "scheduled" });

    const snapshot = await buildStatusSnapshot(database.db, config);
    const shown = snapshot.maintenances.find((m) => m.name === "Database upgrade")!;
    expect(shown.status).toBe("scheduled");
    const uploads = snapshot.components.find((c) => c.key === "uploads")!;
    expect(shown.componentIds).toEqual([uploads.id]);

    expect(await setMaintenanceStatus(database.db, founder, maintenance.id, "completed")).toEqual({
      id: maintenance.id,
      status: "completed",
    });
    const control = await readStatusControl(database.db);
    expect(control.maintenances.find((m) => m.id === maintenance.id)!.status).toBe("completed");
    await expect(
      setMaintenanceStatus(database.db, founder, 999_999, "completed"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists components, incidents and maintenance for the controls", async () => {
    const control = await readStatusControl(database.db);
    expect(control.components.map((c) => [c.key, c.group])).toEqual([
      ["api", null],
      ["uploads", "API"],
      ["web", null],
    ]);
    expect(control.incidents[0]).toMatchObject({
      name: "Uploads failing",
      status: "identified",
      automatic: false,
      components: expect.arrayContaining(["Website", "Uploads"]),
      latestUpdate: { status: "identified", body: "Again." },
    });
  });
});
