// Founders' state-changing routes refuse a request from any page but Liftoff's own: the real route
// handlers, a real founder session signed in through better-auth, a real PostgreSQL. A refused
// request is a 403 `cross_site` and changes nothing; sign-out is refused by better-auth itself,
// configured with the same origins; the token-authenticated push endpoint does not care.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerOf,
  type Call,
  type FounderSession,
  founderConfig,
  founderRequest,
  ownOrigin,
  startFounderSession,
} from "../support/founder-session";

const configText = `${founderConfig}sources:
  push:
    - key: app
      tokenEnv: APP_PUSH_TOKEN
      metrics:
        - { metric: signups, name: Signups, type: counter }
`;
const pushToken = "app-token-4f9c2e";
let session: FounderSession;
let postId: number;
let maintenanceId: number;

const incidentBody = {
  name: "Uploads failing",
  status: "investigating",
  impact: "major",
  components: ["web"],
  body: "Some uploads fail.",
};

/** Every founder's state-changing route, each called as `call` says. */
const routes = {
  "open an incident": async (call: Call) => {
    const { POST } = await import("@/app/api/status-admin/incidents/route");
    return POST(
      founderRequest(session, "/api/status-admin/incidents", { body: incidentBody, ...call }),
    );
  },
  "post an update": async (call: Call) => {
    const { POST } = await import("@/app/api/status-admin/incidents/[id]/updates/route");
    const incident = await session.database.db.incident.findFirstOrThrow();
    const path = `/api/status-admin/incidents/${incident.id}/updates`;
    return POST(
      founderRequest(session, path, { body: { status: "resolved", body: "Fixed." }, ...call }),
      {
        params: Promise.resolve({ id: String(incident.id) }),
      },
    );
  },
  "override a component": async (call: Call) => {
    const { PATCH } = await import("@/app/api/status-admin/components/[key]/route");
    const request = founderRequest(session, "/api/status-admin/components/web", {
      method: "PATCH",
      body: { statusOverride: "major_outage" },
      ...call,
    });
    return PATCH(request, { params: Promise.resolve({ key: "web" }) });
  },
  "schedule maintenance": async (call: Call) => {
    const { POST } = await import("@/app/api/status-admin/maintenances/route");
    const from = Date.now() + 86_400_000;
    const body = {
      name: "Database upgrade",
      body: "",
      scheduledFor: new Date(from).toISOString(),
      scheduledUntil: new Date(from + 3_600_000).toISOString(),
      components: ["web"],
    };
    return POST(founderRequest(session, "/api/status-admin/maintenances", { body, ...call }));
  },
  "complete maintenance": async (call: Call) => {
    const { PATCH } = await import("@/app/api/status-admin/maintenances/[id]/route");
    const path = `/api/status-admin/maintenances/${maintenanceId}`;
    const request = founderRequest(session, path, {
      method: "PATCH",
      body: { status: "completed" },
      ...call,
    });
    return PATCH(request, { params: Promise.resolve({ id: String(maintenanceId) }) });
  },
  "approve a post": async (call: Call) => {
    const { POST } = await import("@/app/api/milestones/posts/[id]/[action]/route");
    const path = `/api/milestones/posts/${postId}/approve`;
    return POST(founderRequest(session, path, { body: {}, ...call }), {
      params: Promise.resolve({ id: String(postId), action: "approve" }),
    });
  },
};

/** Everything a founder's action could have changed, to compare before and after. */
async function everything() {
  const db = session.database.db;
  return {
    incidents: await db.incident.findMany({ include: { updates: true } }),
    components: await db.component.findMany(),
    maintenances: await db.maintenance.findMany(),
    posts: await db.post.findMany(),
    audit: await db.auditEntry.count(),
  };
}

beforeAll(async () => {
  session = await startFounderSession(configText, { APP_PUSH_TOKEN: pushToken });
  const db = session.database.db;
  await db.incident.create({
    data: { name: "Slow", status: "investigating", impact: "minor", startedAt: new Date() },
  });
  const maintenance = await db.maintenance.create({
    data: {
      name: "Disk swap",
      scheduledFor: new Date(Date.now() + 3_600_000),
      scheduledUntil: new Date(Date.now() + 7_200_000),
    },
  });
  maintenanceId = maintenance.id;
  const milestone = await db.milestone.create({
    data: { key: "metric:users:1000", rule: "metric", metAt: new Date(), value: 1000 },
  });
  const post = await db.post.create({
    data: {
      milestoneId: milestone.id,
      channel: "toot",
      status: "awaiting_approval",
      text: "1,000 users",
      idempotencyKey: "liftoff-1-toot",
    },
  });
  postId = post.id;
});
afterAll(() => session?.end());

const foreign: [string, Record<string, string | null>][] = [
  ["another site's Origin", { origin: "http://evil.example" }],
  ["a sibling subdomain's Origin", { origin: "https://status.stashbox.test" }],
  ["Liftoff's host on another port", { origin: "https://liftoff.stashbox.test:8443" }],
  ["an opaque (null) Origin", { origin: "null" }],
  ["no Origin and Sec-Fetch-Site: cross-site", { origin: null, "sec-fetch-site": "cross-site" }],
  ["no Origin and Sec-Fetch-Site: same-site", { origin: null, "sec-fetch-site": "same-site" }],
];

describe.each(Object.entries(routes))("%s", (_name, route) => {
  it.each(foreign)(
    "is refused (403 cross_site) with %s, and nothing changes",
    async (_how, headers) => {
      const before = await everything();
      const answer = await answerOf(await route({ headers }));
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        error: { code: "cross_site", message: expect.stringMatching(/^Refused: .*Liftoff/) },
      });
      expect(await everything()).toEqual(before);
    },
  );

  it("is refused before the session is read: a cross-site request without a cookie is a 403 too", async () => {
    const answer = await answerOf(
      await route({ cookie: null, headers: { origin: "http://evil.example" } }),
    );
    expect(answer.status).toBe(403);
  });
});

describe("from Liftoff's own page", () => {
  it("names the page in the refusal, and the origin Liftoff expects", async () => {
    const answer = await answerOf(
      await routes["open an incident"]({ headers: { origin: "http://evil.example" } }),
    );
    expect(answer.body).toMatchObject({
      error: {
        message: expect.stringContaining(
          `from http://evil.example, not from Liftoff (${ownOrigin})`,
        ),
      },
    });
  });

  it("is accepted with Liftoff's Origin, and from localhost or 127.0.0.1 on Liftoff's port", async () => {
    const origins = [ownOrigin, "http://localhost:3000", "http://127.0.0.1:3000"];
    for (const origin of origins) {
      const answer = await answerOf(await routes["open an incident"]({ headers: { origin } }));
      expect(answer.status, origin).toBe(201);
    }
    const accepted = await answerOf(
      await routes["override a component"]({ headers: { "sec-fetch-site": "same-origin" } }),
    );
    expect(accepted.status).toBe(200);
    expect((await answerOf(await routes["approve a post"]({}))).body).toMatchObject({
      id: postId,
      status: "pending",
    });
  });

  it("is accepted with neither Origin nor Sec-Fetch-Site (curl, a script holding the cookie)", async () => {
    const answer = await answerOf(
      await routes["schedule maintenance"]({ headers: { origin: null } }),
    );
    expect(answer.status).toBe(201);
  });

  it("still needs a session: same origin without a cookie is a 401", async () => {
    const answer = await answerOf(await routes["open an incident"]({ cookie: null }));
    expect(answer).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
  });
});

describe("endpoints that are not the founders' cookie routes", () => {
  it("the metric push (bearer token) is not refused for a foreign Origin", async () => {
    const { POST } = await import("@/app/api/ingest/metrics/route");
    const request = new Request(`${ownOrigin}/api/ingest/metrics`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${pushToken}`,
        origin: "http://evil.example",
        "sec-fetch-site": "cross-site",
      },
      body: JSON.stringify({
        samples: [{ metric: "signups", value: 10, at: new Date().toISOString() }],
      }),
    });
    const answer = await answerOf(await POST(request));
    expect(answer).toMatchObject({ status: 200, body: { accepted: 1 } });
  });

  it("GET routes answer whatever the Origin (reading changes nothing)", async () => {
    const { GET } = await import("@/app/api/activity/route");
    const request = founderRequest(session, "/api/activity", {
      method: "GET",
      headers: { origin: "http://evil.example", "content-type": null },
    });
    expect((await GET(request)).status).toBe(200);
  });

  it("sign-out is refused by better-auth from another site or with no Origin, and works from Liftoff", async () => {
    const { auth } = await import("@/lib/auth/server");
    const signOut = (headers: Record<string, string | null>) =>
      auth().handler(founderRequest(session, "/api/auth/sign-out", { body: {}, headers }));
    const signedIn = async () =>
      (await auth().api.getSession({ headers: new Headers({ cookie: session.cookie }) })) !== null;

    const refused: Record<string, string | null>[] = [
      { origin: "http://evil.example" },
      { origin: "https://status.stashbox.test" },
      { origin: null, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of refused) {
      expect((await signOut(headers)).status, JSON.stringify(headers)).toBe(403);
      expect(await signedIn()).toBe(true);
    }
    expect((await signOut({})).status).toBe(200);
    expect(await signedIn()).toBe(false);
  });
});
