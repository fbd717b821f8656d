// The audit trail of founders' actions, through the real route handlers with a real founder
// session: each action records exactly one entry naming the founder, the action and its subject,
// written with the action (a refused action records nothing); the trail is read back through
// GET /api/activity (the last 90 days, newest first), which needs a session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerOf,
  type Call,
  type FounderSession,
  founderRequest,
  founderConfig,
  startFounderSession,
} from "../support/founder-session";

let session: FounderSession;
const day = 86_400_000;

/** Calls `handler` as the founder's browser would, with `params` for the dynamic segments. */
async function send<P>(
  handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
  path: string,
  body: unknown,
  params: P,
  call: Call = {},
) {
  const request = founderRequest(session, path, { body, ...call });
  return answerOf(await handler(request, { params: Promise.resolve(params) }));
}

const routes = {
  incidents: () => import("@/app/api/status-admin/incidents/route"),
  updates: () => import("@/app/api/status-admin/incidents/[id]/updates/route"),
  components: () => import("@/app/api/status-admin/components/[key]/route"),
  maintenances: () => import("@/app/api/status-admin/maintenances/route"),
  maintenance: () => import("@/app/api/status-admin/maintenances/[id]/route"),
  posts: () => import("@/app/api/milestones/posts/[id]/[action]/route"),
  activity: () => import("@/app/api/activity/route"),
};

const entries = () =>
  session.database.db.auditEntry.findMany({ orderBy: { id: "asc" } }).then((rows) =>
    rows.map(({ founderId, founderEmail, action, subjectType, subjectId, summary }) => ({
      founderId,
      founderEmail,
      action,
      subjectType,
      subjectId,
      summary,
    })),
  );

async function newPost(status: "awaiting_approval" | "failed" | "reconcile", key: string) {
  const db = session.database.db;
  const milestone = await db.milestone.create({
    data: { key, rule: "metric", metAt: new Date(), value: 1000 },
  });
  const row = await db.post.create({
    data: {
      milestoneId: milestone.id,
      channel: "toot",
      status,
      text: "1,000 users",
      idempotencyKey: `liftoff-${milestone.id}-toot`,
    },
  });
  return String(row.id);
}

beforeAll(async () => {
  session = await startFounderSession(founderConfig);
});
afterAll(() => session?.end());

describe("each founder's action", () => {
  it("records exactly one entry, with the founder, the action and its subject", async () => {
    const { POST: openIncident } = await routes.incidents();
    const { POST: update } = await routes.updates();
    const { PATCH: override } = await routes.components();
    const { POST: schedule } = await routes.maintenances();
    const { PATCH: setMaintenance } = await routes.maintenance();
    const { POST: decide } = await routes.posts();
    const patch = { method: "PATCH" };

    const opened = await send(
      openIncident,
      "/api/status-admin/incidents",
      {
        name: "Uploads failing",
        status: "investigating",
        impact: "major",
        components: ["web"],
        body: "Some uploads fail.",
      },
      {},
    );
    expect(opened.status).toBe(201);
    const incidentId = String((opened.body as { id: number }).id);
    const updates = `/api/status-admin/incidents/${incidentId}/updates`;
    const id = { id: incidentId };
    expect(
      (await send(update, updates, { status: "monitoring", body: "Fix out." }, id)).status,
    ).toBe(201);
    expect(
      (await send(update, updates, { status: "resolved", body: "All good." }, id)).status,
    ).toBe(201);
    const web = "/api/status-admin/components/web";
    expect(
      (await send(override, web, { statusOverride: "degraded_performance" }, { key: "web" }, patch))
        .status,
    ).toBe(200);
    expect(
      (await send(override, web, { statusOverride: null }, { key: "web" }, patch)).status,
    ).toBe(200);
    const from = Date.now() + day;
    const scheduled = await send(
      schedule,
      "/api/status-admin/maintenances",
      {
        name: "Database upgrade",
        body: "",
        scheduledFor: new Date(from).toISOString(),
        scheduledUntil: new Date(from + 3_600_000).toISOString(),
        components: ["web"],
      },
      {},
    );
    expect(scheduled.status).toBe(201);
    const maintenanceId = String((scheduled.body as { id: number }).id);
    const window = `/api/status-admin/maintenances/${maintenanceId}`;
    expect(
      (await send(setMaintenance, window, { status: "completed" }, { id: maintenanceId }, patch))
        .status,
    ).toBe(200);

    const posts = {
      approve: await newPost("awaiting_approval", "m:1"),
      cancel: await newPost("awaiting_approval", "m:2"),
      retry: await newPost("failed", "m:3"),
      reconcile: await newPost("reconcile", "m:4"),
    };
    const bodies = {
      approve: { text: "One thousand users" },
      cancel: {},
      retry: {},
      reconcile: { outcome: "posted" },
    };
    for (const [action, postId] of Object.entries(posts) as [keyof typeof posts, string][]) {
      const answer = await send(
        decide,
        `/api/milestones/posts/${postId}/${action}`,
        bodies[action],
        { id: postId, action },
      );
      expect(answer.status, action).toBe(200);
    }

    const who = { founderId: session.founder.id, founderEmail: "ada@stashbox.test" };
    expect(await entries()).toEqual([
      {
        ...who,
        action: "incident.created",
        subjectType: "incident",
        subjectId: incidentId,
        summary: 'Opened "Uploads failing" (investigating, major impact)',
      },
      {
        ...who,
        action: "incident.updated",
        subjectType: "incident",
        subjectId: incidentId,
        summary: 'Posted a monitoring update to "Uploads failing"',
      },
      {
        ...who,
        action: "incident.resolved",
        subjectType: "incident",
        subjectId: incidentId,
        summary: 'Posted a resolved update to "Uploads failing"',
      },
      {
        ...who,
        action: "component.override",
        subjectType: "component",
        subjectId: "web",
        summary: "Set web to degraded_performance",
      },
      {
        ...who,
        action: "component.override",
        subjectType: "component",
        subjectId: "web",
        summary: "Cleared the override on web: its monitors decide again",
      },
      {
        ...who,
        action: "maintenance.scheduled",
        subjectType: "maintenance",
        subjectId: maintenanceId,
        summary: expect.stringMatching(/^Scheduled "Database upgrade" from \d{4}-/),
      },
      {
        ...who,
        action: "maintenance.updated",
        subjectType: "maintenance",
        subjectId: maintenanceId,
        summary: 'Marked "Database upgrade" completed',
      },
      {
        ...who,
        action: "post.approved",
        subjectType: "post",
        subjectId: posts.approve,
        summary: `Post ${posts.approve} on toot approved with an edited text`,
      },
      {
        ...who,
        action: "post.cancelled",
        subjectType: "post",
        subjectId: posts.cancel,
        summary: `Post ${posts.cancel} on toot cancelled`,
      },
      {
        ...who,
        action: "post.retried",
        subjectType: "post",
        subjectId: posts.retry,
        summary: `Post ${posts.retry} on toot retried`,
      },
      {
        ...who,
        action: "post.reconciled",
        subjectType: "post",
        subjectId: posts.reconcile,
        summary: `Post ${posts.reconcile} on toot reconciled as posted`,
      },
    ]);
  });

  it("records nothing when it is refused: unknown subject, wrong state, bad input, another site", async () => {
    const before = await session.database.db.auditEntry.count();
    const { POST: update } = await routes.updates();
    const { PATCH: override } = await routes.components();
    const { PATCH: setMaintenance } = await routes.maintenance();
    const { POST: decide } = await routes.posts();
    const sent = await newPost("awaiting_approval", "m:5");
    await session.database.db.post.update({
      where: { id: Number(sent) },
      data: { status: "sent" },
    });
    const answers = [
      await send(
        update,
        "/api/status-admin/incidents/999999/updates",
        { status: "resolved", body: "x" },
        { id: "999999" },
      ),
      await send(
        override,
        "/api/status-admin/components/cdn",
        { statusOverride: null },
        { key: "cdn" },
        { method: "PATCH" },
      ),
      await send(
        setMaintenance,
        "/api/status-admin/maintenances/999999",
        { status: "completed" },
        { id: "999999" },
        { method: "PATCH" },
      ),
      await send(
        decide,
        `/api/milestones/posts/${sent}/cancel`,
        {},
        { id: sent, action: "cancel" },
      ),
      await send(
        override,
        "/api/status-admin/components/web",
        { statusOverride: "broken" },
        { key: "web" },
        { method: "PATCH" },
      ),
      await send(
        override,
        "/api/status-admin/components/web",
        { statusOverride: null },
        { key: "web" },
        { method: "PATCH", headers: { origin: "http://evil.example" } },
      ),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 409, 422, 403]);
    expect(await session.database.db.auditEntry.count()).toBe(before);
  });
});

describe("GET /api/activity", () => {
  it("answers 401 without a session and shows nothing", async () => {
    const { GET } = await routes.activity();
    const answer = await answerOf(
      await GET(founderRequest(session, "/api/activity", { method: "GET", cookie: null })),
    );
    expect(answer).toEqual({
      status: 401,
      body: { error: { code: "unauthorized", message: "Sign in to use the dashboard API." } },
    });
    const forged = await answerOf(
      await GET(
        founderRequest(session, "/api/activity", {
          method: "GET",
          cookie: "liftoff.session_token=forged",
        }),
      ),
    );
    expect(forged.status).toBe(401);
  });

  it("shows the last 90 days to a founder, newest first", async () => {
    const db = session.database.db;
    const old = {
      founderId: "gone",
      founderEmail: "old@stashbox.test",
      subjectType: "incident",
      subjectId: "1",
      summary: "Long ago",
    };
    await db.auditEntry.create({
      data: { ...old, action: "incident.created", at: new Date(Date.now() - 91 * day) },
    });
    await db.auditEntry.create({
      data: {
        ...old,
        action: "incident.resolved",
        summary: "Recent enough",
        at: new Date(Date.now() - 89 * day),
      },
    });
    const { GET } = await routes.activity();
    const answer = await answerOf(
      await GET(founderRequest(session, "/api/activity", { method: "GET" })),
    );
    expect(answer.status).toBe(200);
    const shown = (
      answer.body as {
        entries: { action: string; summary: string; at: string; founderEmail: string }[];
      }
    ).entries;
    expect(shown).toHaveLength(12);
    expect(shown[0]).toMatchObject({
      action: "post.reconciled",
      founderEmail: "ada@stashbox.test",
    });
    expect(shown.at(-1)).toMatchObject({ action: "incident.resolved", summary: "Recent enough" });
    expect(shown.map((e) => e.summary)).not.toContain("Long ago");
    const times = shown.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
